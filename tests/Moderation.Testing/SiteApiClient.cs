using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Moderation.Testing;

/// <summary>What a site backend does with the API, for tests: submit comments, follow them, read an article.</summary>
public sealed class SiteApiClient(HttpClient submitClient, HttpClient readClient, string siteId)
{
    public static readonly string[] FinalStatuses = ["approved", "flagged", "rejected"];

    public string SiteId => siteId;

    public HttpClient SubmitHttp => submitClient;

    public HttpClient ReadHttp => readClient;

    public static object NewComment(
        string body, string authorId = "reader-1", string authorName = "Reader One", string? parentId = null, int? accountAgeDays = null) =>
        new
        {
            author = new { id = authorId, name = authorName },
            body,
            parentId,
            authorSignals = accountAgeDays is null ? null : new { accountAgeDays },
        };

    public async Task<HttpResponseMessage> PostAsync(string articleId, object comment, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/sites/{siteId}/articles/{articleId}/comments")
        {
            Content = JsonContent.Create(comment),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await submitClient.SendAsync(request);
    }

    /// <summary>Submits and asserts 202; returns the comment id.</summary>
    public async Task<Guid> SubmitAsync(
        string articleId, string body, string authorId = "reader-1", string? idempotencyKey = null, int? accountAgeDays = null)
    {
        using var response = await PostAsync(articleId, NewComment(body, authorId, accountAgeDays: accountAgeDays), idempotencyKey);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"submit answered {(int)response.StatusCode}: {text}");
        var json = JsonNode.Parse(text)!;
        Assert.Equal("pending", json["status"]!.GetValue<string>());
        Assert.Equal($"/v1/comments/{json["id"]}", response.Headers.Location?.OriginalString);
        return json["id"]!.GetValue<Guid>();
    }

    public async Task<JsonNode?> GetStatusAsync(Guid id)
    {
        using var response = await submitClient.GetAsync($"/v1/comments/{id}");
        return response.StatusCode == HttpStatusCode.NotFound ? null : JsonNode.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Polls the status resource until the comment reaches approved, flagged or rejected.</summary>
    public Task<JsonNode?> WaitForFinalStatusAsync(Guid id, TimeSpan? timeout = null) =>
        Eventually.MatchesAsync(
            () => GetStatusAsync(id),
            status => status?["status"]?.GetValue<string>() is { } value && FinalStatuses.Contains(value),
            $"comment {id} to reach a final status",
            timeout);

    public async Task<JsonNode> ListAsync(string articleId, string query = "")
    {
        using var response = await readClient.GetAsync($"/v1/sites/{siteId}/articles/{articleId}/comments{query}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"read API answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);
}
