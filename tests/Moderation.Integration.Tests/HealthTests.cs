using MassTransit;
using System.Diagnostics;
using System.Net;
using Moderation.Integration.Tests.Infrastructure;
using Moderation.Testing;

namespace Moderation.Integration.Tests;

/// <summary>Ready tells the truth about the broker; live only says the process runs.</summary>
[Collection(DistributedCollection.Name)]
public sealed class HealthTests(DistributedSystem system)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(5);

    [Fact]
    public void The_services_retry_a_lost_broker_at_most_the_configured_interval_apart_not_MassTransits_30_s()
    {
        var shortened = false;
        TimeSpan? before = null, after = null;
        _ = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            before = Moderation.ServiceDefaults.Messaging.BrokerReconnect.MaxInterval(rabbit);
            shortened = Moderation.ServiceDefaults.Messaging.BrokerReconnect.TryShorten(rabbit, TimeSpan.FromSeconds(2));
            after = Moderation.ServiceDefaults.Messaging.BrokerReconnect.MaxInterval(rabbit);
        });
        Assert.True(shortened, "BrokerReconnect could not reach MassTransit's reconnect policy");
        Assert.Equal(TimeSpan.FromSeconds(30), before);
        Assert.Equal(TimeSpan.FromSeconds(2), after);
    }

    [SkippableFact]
    public async Task Every_service_turns_unready_within_5_s_of_a_broker_outage_and_ready_within_5_s_of_its_recovery_while_staying_live()
    {
        Skip.IfNot(system.Broker.CanRestart, "This broker cannot be stopped from the tests (RABBITMQ_URI names a remote one).");
        var services = new Dictionary<string, RunningService>
        {
            ["ingestion"] = system.Ingestion,
            ["worker"] = system.Workers[0],
            ["publishing"] = system.Publishing,
            ["review"] = system.Review,
        };
        foreach (var (name, service) in services)
        {
            await Eventually.MatchesAsync(() => ReadyAsync(service), status => status == HttpStatusCode.OK, $"{name} to be ready first");
        }

        await system.Broker.StopAsync();
        var stopped = Stopwatch.StartNew();
        try
        {
            var unready = await Task.WhenAll(services.Select(service => TimeUntilAsync(service.Value, HttpStatusCode.ServiceUnavailable)));
            foreach (var ((name, _), elapsed) in services.Zip(unready))
            {
                Console.WriteLine($"broker stopped: {name} ready answered 503 after {elapsed.TotalMilliseconds:F0} ms");
                Assert.True(elapsed <= Within, $"{name} still answered ready 200 {elapsed} after the broker stopped");
            }

            foreach (var (name, service) in services)
            {
                Assert.Equal(HttpStatusCode.OK, await LiveAsync(service));
            }

            // A longer outage, so MassTransit's own reconnect schedule (3 s growing to 30 s apart) would already be
            // waiting well over 5 s between attempts: ready must still come back within 5 s of the broker.
            var outage = TimeSpan.FromSeconds(12) - stopped.Elapsed;
            if (outage > TimeSpan.Zero)
            {
                await Task.Delay(outage);
            }
        }
        finally
        {
            await system.Broker.StartAgainAsync();
        }

        Console.WriteLine($"broker down for {stopped.ElapsedMilliseconds} ms");
        var ready = await Task.WhenAll(services.Select(service => TimeUntilAsync(service.Value, HttpStatusCode.OK)));
        foreach (var ((name, _), elapsed) in services.Zip(ready))
        {
            Console.WriteLine($"broker back: {name} ready answered 200 after {elapsed.TotalMilliseconds:F0} ms");
            Assert.True(elapsed <= Within, $"{name} answered ready 503 for {elapsed} after the broker was back");
        }

        foreach (var (name, service) in services)
        {
            Assert.Equal(HttpStatusCode.OK, await LiveAsync(service));
        }

        // And ready 200 really means it can do its job: a submit is accepted again.
        await system.Site.SubmitAsync("after-outage", "Back in business.");
    }

    /// <summary>How long until ready answers <paramref name="expected"/>, polled every 100 ms; gives up at twice the bound.</summary>
    private static async Task<TimeSpan> TimeUntilAsync(RunningService service, HttpStatusCode expected)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < 2 * Within)
        {
            if (await ReadyAsync(service) == expected)
            {
                return clock.Elapsed;
            }

            await Task.Delay(100);
        }

        return clock.Elapsed;
    }

    private static async Task<HttpStatusCode> ReadyAsync(RunningService service)
    {
        using var client = service.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(2);
        try
        {
            using var response = await client.GetAsync("/health/ready");
            return response.StatusCode;
        }
        catch (TaskCanceledException)
        {
            return HttpStatusCode.RequestTimeout;
        }
    }

    private static async Task<HttpStatusCode> LiveAsync(RunningService service)
    {
        using var client = service.CreateClient();
        using var response = await client.GetAsync("/health/live");
        return response.StatusCode;
    }
}
