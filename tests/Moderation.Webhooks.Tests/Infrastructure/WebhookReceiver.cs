using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Moderation.Webhooks.Tests.Infrastructure;

/// <summary>
/// A real HTTP server standing in for a site's backend: it verifies each request's signature the way a site would
/// (its own HMAC code, not the service's), and can be told to fail, hang, or know only some secrets.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedEvent> _accepted = new();
    private int _attempts;

    private WebhookReceiver(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    /// <summary>The secrets this receiver accepts a signature from.</summary>
    public string[] KnownSecrets { get; set; } = [];

    /// <summary>While true every request is answered 503.</summary>
    public volatile bool Failing;

    /// <summary>While set, every request waits this long and then fails.</summary>
    public TimeSpan? Hang { get; set; }

    public int Attempts => Volatile.Read(ref _attempts);

    public int BadSignatures;

    public IReadOnlyList<ReceivedEvent> Accepted => _accepted.ToArray();

    public static async Task<WebhookReceiver> StartAsync(params string[] knownSecrets)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app) { KnownSecrets = knownSecrets };
        app.MapPost("/hooks", receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(new Uri(address), "/hooks");
        return receiver;
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        Interlocked.Increment(ref _attempts);
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        if (Hang is { } hang)
        {
            // The sender has given up by then: answer as a failure so nothing counts as received twice.
            await Task.Delay(hang);
            return Results.StatusCode(StatusCodes.Status504GatewayTimeout);
        }

        if (Failing)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        var signature = request.Headers["Moderation-Signature"].ToString();
        if (!Verify(signature, body))
        {
            Interlocked.Increment(ref BadSignatures);
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        var json = JsonNode.Parse(body)!;
        var id = Guid.Parse(request.Headers["Moderation-Event-Id"].ToString());
        Assert.Equal(id, json["id"]!.GetValue<Guid>());
        _accepted.Enqueue(new ReceivedEvent(id, json["type"]!.GetValue<string>(), json["comment"]?["id"]?.GetValue<Guid>(), json, signature));
        return Results.NoContent();
    }

    /// <summary>What a site's receiver does: recompute HMAC-SHA256("t.body") with each secret it knows; reject stale timestamps.</summary>
    private bool Verify(string header, string body)
    {
        var parts = header.Split(',').Select(part => part.Split('=', 2)).Where(pair => pair.Length == 2).ToList();
        var t = parts.FirstOrDefault(pair => pair[0] == "t")?[1];
        if (t is null || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ||
            Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) > 300)
        {
            return false;
        }

        var signatures = parts.Where(pair => pair[0] == "v1").Select(pair => pair[1]).ToList();
        return KnownSecrets.Any(secret =>
        {
            var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}")));
            return signatures.Any(candidate => CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(candidate), Encoding.ASCII.GetBytes(expected)));
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
