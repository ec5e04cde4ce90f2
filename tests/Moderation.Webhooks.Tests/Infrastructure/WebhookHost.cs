using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Testing;

namespace Moderation.Webhooks.Tests.Infrastructure;

/// <summary>
/// The composed host (in-memory bus, SQLite) with webhook sites, each POSTing to its own real receiver. Retries are
/// fast here; <see cref="GiveUpAfter"/> decides whether a failing event is retried through a test or dead-lettered in it.
/// </summary>
public abstract class WebhookHost : IAsyncLifetime
{
    public const string Secret = "site-secret-0000000001";
    public const string OldSecret = "site-secret-old-000001";
    public const string NewSecret = "site-secret-new-000001";
    public const string WrongSecret = "not-the-site-secret-01";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"moderation-webhooks-{Guid.NewGuid():N}");

    public RunningService Host { get; private set; } = null!;

    /// <summary>Site <c>hooks</c>: one secret, known to its receiver.</summary>
    public WebhookReceiver Receiver { get; private set; } = null!;

    /// <summary>Site <c>rotating</c>: signs with a new and an old secret.</summary>
    public WebhookReceiver RotatingReceiver { get; private set; } = null!;

    protected abstract TimeSpan GiveUpAfter { get; }

    public SiteApiClient Site(string siteId) =>
        new(Host.CreateClient($"{siteId}-key-0001"), Host.CreateClient($"{siteId}-key-0001"), siteId);

    public HttpClient Client(string siteId) => Host.CreateClient($"{siteId}-key-0001");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Receiver = await WebhookReceiver.StartAsync(Secret);
        RotatingReceiver = await WebhookReceiver.StartAsync(OldSecret);
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Sqlite:Path"] = Path.Combine(_folder, "moderation.db"),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Webhooks:RequestTimeout"] = "00:00:01",
            ["Webhooks:RetryMinInterval"] = "00:00:00.100",
            ["Webhooks:RetryMaxInterval"] = "00:00:00.400",
            ["Webhooks:GiveUpAfter"] = GiveUpAfter.ToString("c"),
            ["Webhooks:PollInterval"] = "00:00:00.050",
        };
        AddSite(settings, "hooks", Receiver.Url, Secret);
        AddSite(settings, "rotating", RotatingReceiver.Url, NewSecret, OldSecret);
        AddSite(settings, "silent", null);
        Host = await RunningService.StartAsync(Moderation.Host.Program.Build, settings);
    }

    /// <summary>Publishes a moderator's decision on the bus, as the Review service does when a moderator decides.</summary>
    public async Task PublishModeratorApprovalAsync(Contracts.Comment comment)
    {
        using var scope = Host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IPublishEndpoint>().Publish(
            new Contracts.CommentApproved(comment, new Contracts.ModeratorDecision("moderator-7", "fine on reflection", DateTimeOffset.UtcNow)));
    }

    public async Task<JsonNode?> GetEventAsync(string siteId, Guid eventId)
    {
        using var response = await Client(siteId).GetAsync($"/v1/sites/{siteId}/webhooks/events/{eventId}");
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonNode>() : null;
    }

    private static void AddSite(Dictionary<string, string?> settings, string siteId, Uri? url, params string[] secrets)
    {
        settings[$"Sites:{siteId}:ApiKeys:0"] = $"{siteId}-key-0001";
        settings[$"Sites:{siteId}:RequestsPerMinute"] = "1000000";
        if (url is not null)
        {
            settings[$"Sites:{siteId}:Webhook:Url"] = url.ToString();
            for (var i = 0; i < secrets.Length; i++)
            {
                settings[$"Sites:{siteId}:Webhook:Secrets:{i}"] = secrets[i];
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        await Receiver.DisposeAsync();
        await RotatingReceiver.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
