using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moderation.Client.Webhooks;
using Moderation.Testing;

namespace Moderation.Client.Tests;

/// <summary>
/// The composed host with two sites, and a receiver for site <c>client</c>'s webhooks that checks each request with
/// <see cref="WebhookVerifier"/>, as a site backend using the library would.
/// </summary>
public sealed class ClientHost : IAsyncLifetime
{
    public const string SiteId = "client";
    public const string ApiKey = "client-site-key-0001";
    public const string OtherSiteId = "client-other";
    public const string OtherApiKey = "client-other-key-0001";
    public const string Secret = "client-webhook-secret-01";
    public const int SurgeLimit = 3;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"moderation-client-{Guid.NewGuid():N}");
    private WebApplication _receiver = null!;

    public RunningService Host { get; private set; } = null!;

    /// <summary>Bodies of the webhook requests the verifier accepted, and how many it refused.</summary>
    public ConcurrentQueue<string> Verified { get; } = new();

    public int Refused;

    public ModerationClient Client(string siteId = SiteId, string apiKey = ApiKey) =>
        new(Host.CreateClient(), siteId, apiKey);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _receiver = builder.Build();
        _receiver.MapPost("/moderation-events", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            if (!WebhookVerifier.IsValid(body, request.Headers[WebhookVerifier.SignatureHeader], [Secret]))
            {
                Interlocked.Increment(ref Refused);
                return Results.Unauthorized();
            }

            Verified.Enqueue(body);
            return Results.Ok();
        });
        await _receiver.StartAsync();
        var receiverAddress = _receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        Host = await RunningService.StartAsync(Moderation.Host.Program.Build, new Dictionary<string, string?>
        {
            ["Storage:Sqlite:Path"] = Path.Combine(_folder, "moderation.db"),
            ["Logging:LogLevel:Default"] = "Warning",
            [$"Sites:{SiteId}:ApiKeys:0"] = ApiKey,
            [$"Sites:{SiteId}:RequestsPerMinute"] = "1000000",
            [$"Sites:{SiteId}:Webhook:Url"] = $"{receiverAddress}/moderation-events",
            [$"Sites:{SiteId}:Webhook:Secrets:0"] = Secret,
            [$"Sites:{OtherSiteId}:ApiKeys:0"] = OtherApiKey,
            ["Webhooks:PollInterval"] = "00:00:00.050",

            // A surge above 3 comments a minute on one article, ended after 2 quiet seconds, checked 5 times a second.
            [$"Sites:{SiteId}:Surge:CommentsPerMinute"] = SurgeLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"Sites:{SiteId}:Surge:QuietPeriod"] = "00:00:02",
            ["Ingestion:SurgeCheckInterval"] = "00:00:00.200",
        });
    }

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        await _receiver.StopAsync();
        await _receiver.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
