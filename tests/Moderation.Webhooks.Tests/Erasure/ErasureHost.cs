using Moderation.Testing;
using Moderation.Webhooks.Tests.Infrastructure;

namespace Moderation.Webhooks.Tests.Erasure;

/// <summary>
/// The composed host (in-memory bus) with every service's stores on one provider and a webhook site with a real
/// receiver, and a way to read every row of every store, to look for an author's id.
/// </summary>
public abstract class ErasureHost : IAsyncLifetime
{
    public const string SiteId = "erasing";
    public const string OtherSiteId = "elsewhere";

    protected string Folder { get; } = Path.Combine(Path.GetTempPath(), $"moderation-erasure-{Guid.NewGuid():N}");

    public RunningService Host { get; private set; } = null!;

    public WebhookReceiver Receiver { get; private set; } = null!;

    public SiteApiClient Site => new(Host.CreateClient($"{SiteId}-key-0001"), Host.CreateClient($"{SiteId}-key-0001"), SiteId);

    public HttpClient OtherSite => Host.CreateClient($"{OtherSiteId}-key-0001");

    /// <summary>Why this provider cannot run here; null when it can.</summary>
    public abstract string? SkipReason { get; }

    /// <summary>Every stored row or document (of every table or collection) that holds <paramref name="text"/>, as "where: row".</summary>
    public abstract Task<IReadOnlyList<string>> FindAsync(string text);

    protected abstract void AddStorage(Dictionary<string, string?> settings);

    public async Task InitializeAsync()
    {
        if (SkipReason is not null)
        {
            return;
        }

        Directory.CreateDirectory(Folder);
        Receiver = await WebhookReceiver.StartAsync(WebhookHost.Secret);
        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Webhooks:RetryMinInterval"] = "00:00:00.100",
            ["Webhooks:RetryMaxInterval"] = "00:00:00.400",
            ["Webhooks:PollInterval"] = "00:00:00.050",
            [$"Sites:{SiteId}:ApiKeys:0"] = $"{SiteId}-key-0001",
            [$"Sites:{SiteId}:RequestsPerMinute"] = "1000000",
            [$"Sites:{SiteId}:Webhook:Url"] = Receiver.Url.ToString(),
            [$"Sites:{SiteId}:Webhook:Secrets:0"] = WebhookHost.Secret,
            [$"Sites:{OtherSiteId}:ApiKeys:0"] = $"{OtherSiteId}-key-0001",
        };
        AddStorage(settings);
        Host = await RunningService.StartAsync(Moderation.Host.Program.Build, settings);
    }

    public virtual async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        if (Receiver is not null)
        {
            await Receiver.DisposeAsync();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
