using System.Net;
using System.Text.Json.Nodes;
using Moderation.Api.Tests.Infrastructure;
using Moderation.Testing;

namespace Moderation.Api.Tests;

/// <summary>The browsable API reference at <c>/docs</c> and the OpenAPI document it renders.</summary>
public sealed class ApiDocsTests
{
    private static async Task<RunningService> StartAsync(string folder, params (string Key, string Value)[] extra)
    {
        Directory.CreateDirectory(folder);
        var settings = ComposedHost.Settings(folder);
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return await RunningService.StartAsync(Moderation.Host.Program.Build, settings);
    }

    private static string NewFolder() => Path.Combine(Path.GetTempPath(), $"moderation-docs-{Guid.NewGuid():N}");

    [Fact]
    public async Task Production_serves_no_reference_unless_a_setting_asks_for_it_and_then_serves_it_from_the_package()
    {
        await using (var closed = await StartAsync(NewFolder()))
        {
            using var response = await closed.CreateClient().GetAsync("/docs");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            using var document = await closed.CreateClient().GetAsync("/openapi/v1.json");
            Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        }

        await using var open = await StartAsync(NewFolder(), ("ApiDocs:Enabled", "true"));
        var client = open.CreateClient();
        using var page = await client.GetAsync("/docs");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Moderation API", html, StringComparison.Ordinal);
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);

        // Every script the page loads is served by the host itself (the package), not fetched from a CDN.
        var scripts = System.Text.RegularExpressions.Regex.Matches(html, "<script[^>]*src=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            Assert.False(script.StartsWith("http", StringComparison.OrdinalIgnoreCase), $"{script} is not served by the host");
            using var asset = await client.GetAsync(new Uri(page.RequestMessage!.RequestUri!, script));
            Assert.True(asset.StatusCode == HttpStatusCode.OK, $"{script} answered {(int)asset.StatusCode}");
        }
    }

    [Fact]
    public async Task Development_serves_the_reference_by_default()
    {
        await using var host = await StartAsync(NewFolder(), ("environment", "Development"));
        using var page = await host.CreateClient().GetAsync("/docs");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task The_document_covers_every_route_with_an_example_for_each_parameter_and_body_and_the_site_key_scheme()
    {
        await using var host = await StartAsync(NewFolder());
        var document = JsonNode.Parse(await host.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject();
        foreach (var route in new[]
                 {
                     "/v1/sites/{siteId}/articles/{articleId}/comments",
                     "/v1/comments/{id}",
                     "/v1/sites/{siteId}/webhooks/dead-letters",
                     "/v1/sites/{siteId}/webhooks/dead-letters/replay",
                     "/v1/sites/{siteId}/webhooks/dead-letters/{eventId}/replay",
                     "/v1/sites/{siteId}/webhooks/events/{eventId}",
                 })
        {
            Assert.True(paths.ContainsKey(route), $"{route} is missing from the document");
        }

        Assert.NotNull(paths["/v1/comments/{id}"]!["delete"]);
        var missing = new List<string>();
        foreach (var (path, item) in paths)
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                foreach (var parameter in operation!["parameters"]?.AsArray() ?? [])
                {
                    if (parameter!["example"] is null)
                    {
                        missing.Add($"{method} {path} parameter {parameter["name"]}");
                    }
                }

                foreach (var (mediaType, content) in operation["requestBody"]?["content"]?.AsObject() ?? [])
                {
                    if (mediaType.Contains("json", StringComparison.Ordinal) && content!["example"] is null)
                    {
                        missing.Add($"{method} {path} body {mediaType}");
                    }
                }
            }
        }

        Assert.True(missing.Count == 0, "No example for: " + string.Join("; ", missing));
        Assert.Equal("bearer", document["components"]!["securitySchemes"]!["SiteApiKey"]!["scheme"]!.GetValue<string>());
    }
}
