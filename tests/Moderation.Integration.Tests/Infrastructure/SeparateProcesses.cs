using System.Diagnostics;
using MassTransit;
using Moderation.Storage;
using Moderation.Testing;
using MongoDB.Driver;

namespace Moderation.Integration.Tests.Infrastructure;

/// <summary>
/// The production form: the Ingestion API, the worker, Publishing and Review as four OS processes (their own
/// executables, configured by command-line settings as an operator would), on RabbitMQ (a virtual host of their own on
/// the tests' broker) and MongoDB. When the MongoDB wire-protocol emulator is next to the repository
/// (<c>../shared/mongo-emulator</c>), each service gets a MongoDB server of its own, so it can reach only its own
/// database; else all four use the server <c>MONGODB_URI</c> names, each in its own database. Without either the tests
/// skip, naming why (under <c>CI=true</c> they fail).
/// </summary>
public sealed class SeparateProcesses : IAsyncLifetime
{
    public const string SiteId = "proc-site";
    public const string ApiKey = "proc-site-key-0001";

    private static readonly StoreOwner[] Owners = [StoreOwner.Ingestion, StoreOwner.Worker, StoreOwner.Publishing, StoreOwner.Review];

    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private readonly List<int> _emulatorPorts = [];
    private readonly List<ServiceProcess> _services = [];
    private IBusControl? _bus;
    private string? _rabbit;

    public string? SkipReason { get; private set; }

    /// <summary>True when each service has a MongoDB server of its own (the emulator), so only its own database is reachable.</summary>
    public bool Isolated { get; private set; }

    /// <summary>Each service's MongoDB connection string and database.</summary>
    public Dictionary<StoreOwner, (string Uri, string Database)> Databases { get; } = [];

    public ServiceProcess Ingestion { get; private set; } = null!;

    public ServiceProcess Publishing { get; private set; } = null!;

    public ModerationStores ReviewStores { get; private set; } = null!;

    public SiteApiClient Site => new(Ingestion.CreateClient(ApiKey), Publishing.CreateClient(ApiKey), SiteId);

    public static string EmulatorFolder => RepositoryFiles.PathOf("..", "shared", "mongo-emulator");

    /// <summary>Publishes on the services' broker from the test, as a fifth service would.</summary>
    public Task PublishAsync(object message) => _bus!.Publish(message);

    /// <summary>Starts everything once, on the broker of the tests' distributed system.</summary>
    public async Task StartAsync(RabbitMqBroker broker)
    {
        if (_services.Count > 0 || SkipReason is not null)
        {
            return;
        }

        var sharedUri = Environment.GetEnvironmentVariable("MONGODB_URI") is { Length: > 0 } uri ? uri : null;
        Isolated = File.Exists(Path.Combine(EmulatorFolder, "start"));
        if (!Isolated && sharedUri is null)
        {
            SkipReason = "MongoDB not reachable: set MONGODB_URI, or put the emulator at ../shared/mongo-emulator";
            return;
        }

        if (!broker.CanRestart)
        {
            SkipReason = "needs rabbitmqctl on the tests' broker for a virtual host of their own";
            return;
        }

        foreach (var owner in Owners)
        {
            var serverUri = Isolated ? await StartEmulatorAsync() : sharedUri!;
            Databases[owner] = (serverUri, $"proc_{_run}_{owner.ToString().ToLowerInvariant()}");
        }

        var rabbit = await broker.CreateVirtualHostAsync($"processes-{_run}");
        _rabbit = rabbit;
        Ingestion = await StartServiceAsync("Moderation.Ingestion", StoreOwner.Ingestion, rabbit);
        await StartServiceAsync("Moderation.Worker", StoreOwner.Worker, rabbit);
        Publishing = await StartServiceAsync("Moderation.Publishing", StoreOwner.Publishing, rabbit);
        await StartServiceAsync("Moderation.Review", StoreOwner.Review, rabbit);

        var (reviewUri, reviewDatabase) = Databases[StoreOwner.Review];
        ReviewStores = await ModerationStores.OpenMongoAsync(
            new MongoStorageOptions { ConnectionString = reviewUri, Database = reviewDatabase }, [StoreOwner.Review]);

        _bus = Bus.Factory.CreateUsingRabbitMq(bus => bus.Host(new Uri(rabbit)));
        await _bus.StartAsync();
    }

    /// <summary>Kills the Ingestion process at once (SIGKILL, as <c>kill -9</c>): no shutdown, nothing flushed.</summary>
    public async Task KillIngestionAsync()
    {
        _services.Remove(Ingestion);
        await Ingestion.DisposeAsync();
    }

    /// <summary>Starts a new Ingestion process on the same database and broker, as an orchestrator would after a crash.</summary>
    public async Task StartIngestionAgainAsync() =>
        Ingestion = await StartServiceAsync("Moderation.Ingestion", StoreOwner.Ingestion, _rabbit!);

    /// <summary>Skips the calling test when there is nothing to run on, or fails it under CI.</summary>
    public void Require()
    {
        if (SkipReason is not null && string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            && SkipReason.StartsWith("MongoDB", StringComparison.Ordinal))
        {
            Assert.Fail($"{SkipReason}. CI=true: the MongoDB tests must run.");
        }

        Skip.If(SkipReason is not null, SkipReason);
    }

    /// <summary>The names of the databases on a service's MongoDB server.</summary>
    public async Task<IReadOnlyList<string>> DatabaseNamesAsync(StoreOwner owner)
    {
        using var client = new MongoClient(Databases[owner].Uri);
        using var cursor = await client.ListDatabaseNamesAsync();
        return await cursor.ToListAsync();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_bus is not null)
        {
            await _bus.StopAsync();
        }

        foreach (var service in _services)
        {
            await service.DisposeAsync();
        }

        if (ReviewStores is not null)
        {
            await ReviewStores.DisposeAsync();
        }

        if (!Isolated)
        {
            foreach (var (uri, database) in Databases.Values)
            {
                using var client = new MongoClient(uri);
                await client.DropDatabaseAsync(database);
            }
        }

        foreach (var port in _emulatorPorts)
        {
            await RunAsync(Path.Combine(EmulatorFolder, "stop"), port);
        }
    }

    private async Task<ServiceProcess> StartServiceAsync(string name, StoreOwner owner, string rabbit)
    {
        var (uri, database) = Databases[owner];
        var service = await ServiceProcess.StartAsync(name, new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = "RabbitMq",
            ["Messaging:RabbitMqUri"] = rabbit,
            ["Messaging:RetryLimit"] = "3",
            ["Messaging:RetryMinInterval"] = "00:00:00.050",
            ["Storage:Provider"] = "MongoDb",
            ["Storage:MongoDb:ConnectionString"] = uri,
            ["Storage:MongoDb:Database"] = database,
            [$"Sites:{SiteId}:ApiKeys:0"] = ApiKey,
            [$"Sites:{SiteId}:RequestsPerMinute"] = "1000000",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        _services.Add(service);
        return service;
    }

    private async Task<string> StartEmulatorAsync()
    {
        var port = FreePort.Next();
        var uri = await RunAsync(Path.Combine(EmulatorFolder, "start"), port);
        _emulatorPorts.Add(port);
        return uri.Trim();
    }

    private static async Task<string> RunAsync(string script, int port)
    {
        var start = new ProcessStartInfo(script) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{script} {port} failed: {error}");
        return output;
    }
}
