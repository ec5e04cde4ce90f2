using System.Diagnostics;
using System.Net;
using Moderation.Api.Tests.Infrastructure;
using Moderation.Testing;

namespace Moderation.Api.Tests;

/// <summary>
/// The composed host on MongoDB (MONGODB_URI: a real server or the emulator tools/test.sh starts) through a relay the
/// test can cut: while the store is unreachable, reads answer 503 with Retry-After and readiness says 503, each within
/// 5 s (not the driver's 30 s selection timeout, retried three times); after it returns, both recover.
/// </summary>
public sealed class StoreOutageTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [SkippableFact]
    public async Task A_store_outage_answers_503_with_retry_after_and_readiness_503_within_5_s_then_recovers()
    {
        var uri = Environment.GetEnvironmentVariable("MONGODB_URI");
        Skip.If(string.IsNullOrEmpty(uri), "MongoDB not reachable: set MONGODB_URI (tools/test.sh starts the emulator)");
        var server = new MongoDB.Driver.MongoUrl(uri).Server;
        await using var relay = new TcpRelay(server.Host, server.Port);
        var folder = Directory.CreateTempSubdirectory("moderation-outage-").FullName;
        var settings = ComposedHost.Settings(folder);
        settings["Storage:Provider"] = "MongoDb";
        settings["Storage:MongoDb:ConnectionString"] = $"mongodb://127.0.0.1:{relay.Port}/?directConnection=true";
        settings["Storage:MongoDb:Database"] = $"moderation_outage_{Guid.NewGuid():N}";
        await using var host = await RunningService.StartAsync(Moderation.Host.Program.Build, settings);
        using var client = host.CreateClient(ComposedHost.ApiKey);
        using var anonymous = host.CreateClient();
        var read = $"/v1/sites/{ComposedHost.SiteId}/articles/outage/comments";
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(read)).StatusCode);

        relay.Cut();

        var clock = Stopwatch.StartNew();
        using var during = await client.GetAsync(read);
        var answeredIn = clock.Elapsed;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.NotNull(during.Headers.RetryAfter);
        Assert.True(answeredIn < Bound, $"503 after {answeredIn}");

        clock.Restart();
        using var ready = await anonymous.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.True(clock.Elapsed < Bound, $"readiness 503 after {clock.Elapsed}");

        relay.Restore();
        await Eventually.MatchesAsync(async () => (await client.GetAsync(read)).StatusCode, code => code == HttpStatusCode.OK, "reads again");
        await Eventually.MatchesAsync(async () => (await anonymous.GetAsync("/health/ready")).StatusCode, code => code == HttpStatusCode.OK, "ready again");
    }
}
