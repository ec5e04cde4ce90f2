using Moderation.Testing;

namespace Moderation.Api.Tests.Infrastructure;

/// <summary>The single-machine host as <c>dotnet run</c> starts it: every service in one process, in-memory bus, SQLite file.</summary>
public sealed class ComposedHost : IAsyncLifetime
{
    public const string SiteId = "api-site";
    public const string ApiKey = "api-site-key-0001";
    public const string OtherSiteId = "api-other";
    public const string OtherApiKey = "api-other-key-0001";
    public const string LimitedSiteId = "api-limited";
    public const string LimitedApiKey = "api-limited-key-0001";
    public const string BudgetSiteId = "api-budget";
    public const string BudgetApiKey = "api-budget-key-0001";
    public const int BudgetWritesPerMinute = 61;
    public const int BudgetReadsPerMinute = 23;

    private readonly string folder = Path.Combine(Path.GetTempPath(), $"moderation-api-{Guid.NewGuid():N}");

    public RunningService Host { get; private set; } = null!;

    public SiteApiClient Site => new(Host.CreateClient(ApiKey), Host.CreateClient(ApiKey), SiteId);

    public static Dictionary<string, string?> Settings(string folder) => new()
    {
        ["Storage:Sqlite:Path"] = Path.Combine(folder, "moderation.db"),
        [$"Sites:{SiteId}:ApiKeys:0"] = ApiKey,
        [$"Sites:{SiteId}:RequestsPerMinute"] = "1000000",
        [$"Sites:{OtherSiteId}:ApiKeys:0"] = OtherApiKey,
        [$"Sites:{LimitedSiteId}:ApiKeys:0"] = LimitedApiKey,
        [$"Sites:{LimitedSiteId}:RequestsPerMinute"] = "3",
        [$"Sites:{LimitedSiteId}:ReadsPerMinute"] = "3",
        [$"Sites:{BudgetSiteId}:ApiKeys:0"] = BudgetApiKey,
        [$"Sites:{BudgetSiteId}:RequestsPerMinute"] = BudgetWritesPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"Sites:{BudgetSiteId}:ReadsPerMinute"] = BudgetReadsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Logging:LogLevel:Default"] = "Warning",
    };

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        Host = await RunningService.StartAsync(Moderation.Host.Program.Build, Settings(folder));
    }

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
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
