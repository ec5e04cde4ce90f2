using System.Net;
using System.Text.Json.Nodes;
using Moderation.Integration.Tests.Infrastructure;
using Moderation.Testing;

namespace Moderation.Integration.Tests;

/// <summary>Every separately deployed service answers its health checks, and the API services describe themselves.</summary>
[Collection(DistributedCollection.Name)]
public sealed class ServiceEndpointsTests(DistributedSystem system)
{
    public static TheoryData<string> Services() => ["ingestion", "worker", "publishing", "review"];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Each_service_is_live_and_ready_with_broker_and_store_checked(string name)
    {
        using var client = Service(name).CreateClient();
        using var live = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        var ready = await Eventually.MatchesAsync(
            async () => (await client.GetAsync("/health/ready")).StatusCode,
            status => status == HttpStatusCode.OK,
            $"{name} to be ready");
        Assert.Equal(HttpStatusCode.OK, ready);
        var checks = JsonNode.Parse(await client.GetStringAsync("/health/ready"))!["checks"]!.AsObject().Select(check => check.Key).ToList();
        Assert.Contains("store", checks);
        Assert.Contains(checks, check => check.Contains("masstransit", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("ingestion", "/v1/comments/{id}")]
    [InlineData("publishing", "/v1/sites/{siteId}/articles/{articleId}/comments")]
    public async Task The_API_services_serve_their_OpenAPI_document(string name, string path)
    {
        using var client = Service(name).CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        Assert.True(document["paths"]!.AsObject().ContainsKey(path));
    }

    private RunningService Service(string name) => name switch
    {
        "ingestion" => system.Ingestion,
        "worker" => system.Workers[0],
        "publishing" => system.Publishing,
        _ => system.Review,
    };
}
