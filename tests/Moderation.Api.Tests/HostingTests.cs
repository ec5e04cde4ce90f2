using System.Net;
using System.Text.Json.Nodes;
using Moderation.Api.Tests.Infrastructure;
using Moderation.Testing;

namespace Moderation.Api.Tests;

public sealed class HostingTests(ComposedHost host) : IClassFixture<ComposedHost>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_healthy(string path)
    {
        using var client = host.Host.CreateClient();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readiness_reports_the_store_and_the_bus()
    {
        using var client = host.Host.CreateClient();
        var report = JsonNode.Parse(await client.GetStringAsync("/health/ready"))!;
        var checks = report["checks"]!.AsObject().Select(check => check.Key).ToList();
        Assert.Contains("store", checks);
        Assert.Contains(checks, name => name.Contains("masstransit", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_every_route()
    {
        using var client = host.Host.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject().Select(path => path.Key).ToList();
        Assert.Contains("/v1/sites/{siteId}/articles/{articleId}/comments", paths);
        Assert.Contains("/v1/comments/{id}", paths);
    }

    [Fact]
    public async Task In_Development_the_host_serves_the_demo_site_with_demo_key()
    {
        var folder = Directory.CreateTempSubdirectory("moderation-dev-").FullName;
        await using var development = await RunningService.StartAsync(
            Moderation.Host.Program.Build,
            new Dictionary<string, string?>
            {
                ["environment"] = "Development",
                ["Storage:Sqlite:Path"] = Path.Combine(folder, "moderation.db"),
            });

        var demo = new SiteApiClient(development.CreateClient("demo-key"), development.CreateClient("demo-key"), "demo");
        var id = await demo.SubmitAsync("first-article", "Hello from the demo site.");
        Assert.Equal("approved", (await demo.WaitForFinalStatusAsync(id))!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task In_Production_the_host_refuses_to_start_without_configured_sites()
    {
        var folder = Directory.CreateTempSubdirectory("moderation-prod-").FullName;
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => RunningService.StartAsync(
            Moderation.Host.Program.Build,
            new Dictionary<string, string?>
            {
                ["environment"] = "Production",
                ["Storage:Sqlite:Path"] = Path.Combine(folder, "moderation.db"),
            }));
        Assert.Contains("Sites", failure.Message);
    }
}
