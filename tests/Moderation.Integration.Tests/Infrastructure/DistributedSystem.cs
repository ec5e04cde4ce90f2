using Moderation.Testing;

namespace Moderation.Integration.Tests.Infrastructure;

/// <summary>
/// The production shape on one machine: the Ingestion API, two moderation workers, the Publishing and the Review
/// service, each built by its own <c>Program.Build</c>, talking over a real RabbitMQ and sharing one store
/// (SQLite here; MongoDB in production). One instance serves every test of the assembly (see
/// <see cref="DistributedCollection"/>): services bound to the same queues would otherwise compete for each other's messages.
/// </summary>
public sealed class DistributedSystem : IAsyncLifetime
{
    public const string SiteId = "it-site";
    public const string ApiKey = "it-site-key-0001";
    public const string OtherSiteId = "it-other";
    public const string OtherApiKey = "it-other-key-0001";
    public const string RulesSiteId = "it-rules";
    public const string RulesApiKey = "it-rules-key-0001";

    private readonly string folder = Path.Combine(Path.GetTempPath(), $"moderation-it-{Guid.NewGuid():N}");

    public RabbitMqBroker Broker { get; private set; } = null!;

    public RunningService Ingestion { get; private set; } = null!;

    public List<RunningService> Workers { get; } = [];

    private Dictionary<string, string?> settings = [];

    public RunningService Publishing { get; private set; } = null!;

    public RunningService Review { get; private set; } = null!;

    /// <summary>The folder the workers load per-site rulesets from (<c>Rules:Directory</c>).</summary>
    public string RulesDirectory => Path.Combine(folder, "rules");

    public SiteApiClient Site => new(Ingestion.CreateClient(ApiKey), Publishing.CreateClient(ApiKey), SiteId);

    public SiteApiClient RulesSite => new(Ingestion.CreateClient(RulesApiKey), Publishing.CreateClient(RulesApiKey), RulesSiteId);

    /// <summary>Starts one more moderation worker, a new instance that shares nothing with the others but the broker and the store.</summary>
    public async Task<RunningService> StartWorkerAsync()
    {
        var worker = await RunningService.StartAsync(Moderation.Worker.Program.Build, settings);
        Workers.Add(worker);
        return worker;
    }

    /// <summary>
    /// Starts another Ingestion instance on the same broker with <paramref name="overrides"/> over the system's settings
    /// (e.g. its own SQLite file); the caller disposes it. While it runs it shares the status queue with the system's.
    /// </summary>
    public Task<RunningService> StartIngestionAsync(IReadOnlyDictionary<string, string?> overrides) =>
        RunningService.StartAsync(
            Moderation.Ingestion.Program.Build,
            settings.Concat(overrides).GroupBy(pair => pair.Key).ToDictionary(group => group.Key, group => group.Last().Value));

    public async Task StopWorkerAsync(RunningService worker)
    {
        Workers.Remove(worker);
        await worker.DisposeAsync();
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(RulesDirectory, "sites"));
        Broker = await RabbitMqBroker.StartAsync();
        settings = new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = "RabbitMq",
            ["Messaging:RabbitMqUri"] = Broker.Uri,
            ["Messaging:RetryLimit"] = "3",
            ["Messaging:RetryMinInterval"] = "00:00:00.050",
            ["Storage:Provider"] = "Sqlite",
            ["Storage:Sqlite:Path"] = Path.Combine(folder, "moderation.db"),
            [$"Sites:{SiteId}:ApiKeys:0"] = ApiKey,
            [$"Sites:{SiteId}:RequestsPerMinute"] = "1000000",
            [$"Sites:{OtherSiteId}:ApiKeys:0"] = OtherApiKey,
            [$"Sites:{RulesSiteId}:ApiKeys:0"] = RulesApiKey,
            ["Rules:Directory"] = RulesDirectory,
            ["Ingestion:PublishTimeout"] = "00:00:03",
            ["Logging:LogLevel:Default"] = "Warning",
        };

        Ingestion = await RunningService.StartAsync(Moderation.Ingestion.Program.Build, settings);
        await StartWorkerAsync();
        await StartWorkerAsync();
        Publishing = await RunningService.StartAsync(Moderation.Publishing.Program.Build, settings);
        Review = await RunningService.StartAsync(Moderation.Review.Program.Build, settings);
    }

    public async Task DisposeAsync()
    {
        foreach (var service in new[] { Ingestion, Publishing, Review }.Concat(Workers.ToList()))
        {
            if (service is not null)
            {
                await service.DisposeAsync();
            }
        }

        if (Broker is not null)
        {
            await Broker.DisposeAsync();
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
