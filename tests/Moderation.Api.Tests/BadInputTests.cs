using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Moderation.Api.Tests.Infrastructure;
using Moderation.Testing;

namespace Moderation.Api.Tests;

/// <summary>Every kind of bad request gets its own 4xx with a problem body naming what is wrong; none gets a 500.</summary>
public sealed class BadInputTests(ComposedHost host) : IClassFixture<ComposedHost>
{
    public sealed record BadRequest(string Name, string Path, string? Json, int Status, string? Field = null)
    {
        public string ContentType { get; init; } = "application/json";

        public string? ApiKey { get; init; } = ComposedHost.ApiKey;

        public string Method { get; init; } = "POST";

        public string? IdempotencyKey { get; init; }

        public override string ToString() => Name;
    }

    private const string Comments = $"/v1/sites/{ComposedHost.SiteId}/articles/a-1/comments";

    private static string Comment(string authorId = "reader-1", string authorName = "Reader", string body = "\"Hello\"", string parentId = "null") =>
        $$"""{"author":{"id":{{Quote(authorId)}},"name":{{Quote(authorName)}}},"body":{{body}},"parentId":{{parentId}}}""";

    private static string Quote(string value) => JsonValue.Create(value)!.ToJsonString();

    public static TheoryData<BadRequest> Cases() =>
    [
        new("author missing", Comments, """{"body":"Hello"}""", 400, "author.id"),
        new("author.id empty", Comments, Comment(authorId: ""), 400, "author.id"),
        new("author.id 129 characters", Comments, Comment(authorId: new string('a', 129)), 400, "author.id"),
        new("author.name missing", Comments, """{"author":{"id":"r1"},"body":"Hello"}""", 400, "author.name"),
        new("author.name 81 characters", Comments, Comment(authorName: new string('n', 81)), 400, "author.name"),
        new("author.name with a newline", Comments, Comment(authorName: "Two\nLines"), 400, "author.name"),
        new("body missing", Comments, """{"author":{"id":"r1","name":"R"}}""", 400, "body"),
        new("body only spaces", Comments, Comment(body: "\"   \\n\\t  \""), 400, "body"),
        new("body 10,001 characters", Comments, Comment(body: Quote(new string('x', 10_001))), 400, "body"),
        new("body with a bell character", Comments, Comment(body: "\"ding\\u0007\""), 400, "body"),
        new("body with an unpaired surrogate", Comments, Comment(body: "\"broken \\ud800 text\""), 400, "body"),
        new("body is a number", Comments, Comment(body: "5"), 400, "body"),
        new("parentId not an id", Comments, Comment(parentId: "\"not-an-id\""), 400, "parentId"),
        new("section with a slash", Comments, Comment().TrimEnd('}') + ",\"section\":\"../politics\"}", 400, "section"),
        new("section empty", Comments, Comment().TrimEnd('}') + ",\"section\":\"\"}", 400, "section"),
        new("section is a number", Comments, Comment().TrimEnd('}') + ",\"section\":5}", 400),
        new("parentId of no comment", Comments, Comment(parentId: Quote(Guid.NewGuid().ToString())), 400, "parentId"),
        new("article id with a space", $"/v1/sites/{ComposedHost.SiteId}/articles/bad%20id/comments", Comment(), 400, "articleId"),
        new("article id 129 characters", $"/v1/sites/{ComposedHost.SiteId}/articles/{new string('a', 129)}/comments", Comment(), 400, "articleId"),
        new("malformed JSON", Comments, "{\"author\": ", 400),
        new("JSON array", Comments, "[]", 400),
        new("JSON null", Comments, "null", 400, "body"),
        new("Idempotency-Key too long", Comments, Comment(), 400, "Idempotency-Key") { IdempotencyKey = new string('k', 201) },
        new("text/plain", Comments, Comment(), 415) { ContentType = "text/plain" },
        new("form content type", Comments, "a=b", 415) { ContentType = "application/x-www-form-urlencoded" },
        new("1 MB body", Comments, Comment(body: Quote(new string('x', 1024 * 1024))), 413),
        new("no API key", Comments, Comment(), 401) { ApiKey = null },
        new("unknown API key", Comments, Comment(), 401) { ApiKey = "no-such-key-123" },
        new("another site's key", Comments, Comment(), 404) { ApiKey = ComposedHost.OtherApiKey },
        new("read with another site's key", Comments, null, 404) { Method = "GET", ApiKey = ComposedHost.OtherApiKey },
        new("status of no comment", $"/v1/comments/{Guid.NewGuid()}", null, 404) { Method = "GET" },
        new("status with a malformed id", "/v1/comments/not-an-id", null, 404) { Method = "GET" },
        new("limit 0", Comments + "?limit=0", null, 400, "limit") { Method = "GET" },
        new("limit 201", Comments + "?limit=201", null, 400, "limit") { Method = "GET" },
        new("limit not a number", Comments + "?limit=ten", null, 400, "limit") { Method = "GET" },
        new("order sideways", Comments + "?order=sideways", null, 400, "order") { Method = "GET" },
        new("cursor garbage", Comments + "?cursor=%%%25", null, 400, "cursor") { Method = "GET" },
        new("cursor well-formed base64 of junk", Comments + "?cursor=aGVsbG8", null, 400, "cursor") { Method = "GET" },
        new("read an invalid article id", $"/v1/sites/{ComposedHost.SiteId}/articles/bad%20id/comments", null, 400, "articleId") { Method = "GET" },
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_gets_its_4xx_with_a_problem_body(BadRequest bad)
    {
        using var client = host.Host.CreateClient(bad.ApiKey);
        using var request = new HttpRequestMessage(new HttpMethod(bad.Method), bad.Path);
        if (bad.Json is not null)
        {
            request.Content = new StringContent(bad.Json, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(bad.ContentType);
        }

        if (bad.IdempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", bad.IdempotencyKey);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(bad.Status == (int)response.StatusCode, $"{bad.Name}: expected {bad.Status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        Assert.Equal(bad.Status, problem["status"]!.GetValue<int>());
        if (bad.Field is not null)
        {
            var errors = problem["errors"]!.AsObject();
            Assert.True(errors.ContainsKey(bad.Field), $"{bad.Name}: errors name {string.Join(", ", errors.Select(e => e.Key))}, not {bad.Field}");
        }
    }

    [Fact]
    public async Task A_body_of_exactly_10000_characters_is_accepted()
    {
        var id = await host.Site.SubmitAsync("a-boundary", new string('y', 10_000));
        Assert.NotEqual(Guid.Empty, id);
    }

    [Fact]
    public async Task A_reply_to_a_comment_of_the_same_article_is_accepted()
    {
        var parent = await host.Site.SubmitAsync("a-thread", "The parent comment.");
        using var response = await host.Site.PostAsync("a-thread", SiteApiClient.NewComment("A reply.", parentId: parent.ToString()));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        using var elsewhere = await host.Site.PostAsync("another-article", SiteApiClient.NewComment("Misplaced reply.", parentId: parent.ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
    }
}
