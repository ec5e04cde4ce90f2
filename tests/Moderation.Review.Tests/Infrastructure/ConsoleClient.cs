using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Moderation.Review.Tests.Infrastructure;

/// <summary>What the console does over HTTP: a cookie session, and the antiforgery token sent in a header.</summary>
public sealed class ConsoleClient : IDisposable
{
    private ConsoleClient(HttpClient http, CookieContainer cookies)
    {
        Http = http;
        Cookies = cookies;
    }

    public HttpClient Http { get; }

    public CookieContainer Cookies { get; }

    public string? Token { get; private set; }

    /// <param name="forwardedFor">The client address the (trusted) proxy reports, sent as X-Forwarded-For.</param>
    public static ConsoleClient Anonymous(Uri address, string? forwardedFor = null)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(30),
        };
        if (forwardedFor is not null)
        {
            http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }

        return new ConsoleClient(http, cookies);
    }

    public static async Task<ConsoleClient> SignInAsync(Uri address, string username, string password)
    {
        var client = Anonymous(address);
        await client.RefreshTokenAsync();
        using var response = await client.PostAsync("/v1/review/auth/sign-in", new { username, password });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"sign-in of {username} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        await client.RefreshTokenAsync();
        return client;
    }

    public async Task RefreshTokenAsync()
    {
        var json = await Http.GetFromJsonAsync<JsonNode>("/v1/review/auth/antiforgery");
        Token = json!["token"]!.GetValue<string>();
    }

    public Task<HttpResponseMessage> PostAsync(string path, object? body = null, bool withToken = true) => SendAsync(HttpMethod.Post, path, body, withToken);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, bool withToken = true)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (withToken && Token is not null)
        {
            request.Headers.Add("X-CSRF-TOKEN", Token);
        }

        return await Http.SendAsync(request);
    }

    public async Task<JsonNode> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public async Task<int> GetStatusAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        return (int)response.StatusCode;
    }

    public async Task<JsonNode> PostJsonAsync(string path, object? body = null)
    {
        using var response = await PostAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public void Dispose() => Http.Dispose();
}
