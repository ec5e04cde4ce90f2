using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Moderation.Storage.Comments;
using Moderation.Storage.Publishing;
using Microsoft.Data.Sqlite;
using Moderation.Storage.Activity;
using Moderation.Storage.Review;
using Moderation.Storage.Tests.Fixtures;

namespace Moderation.Storage.Tests.Hosting;

public sealed class StorageRegistrationTests(SqliteFileFixture file) : IClassFixture<SqliteFileFixture>
{
    private static readonly StoreOwner[] AllOwners = Enum.GetValues<StoreOwner>();

    private static HostApplicationBuilder Builder(params (string Key, string Value)[] settings) => Builder(AllOwners, settings);

    private static HostApplicationBuilder Builder(StoreOwner[] owners, params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.AddModerationStorage(owners);
        return builder;
    }

    [Fact]
    public async Task The_sqlite_host_creates_the_schema_at_start_and_reports_ready()
    {
        using var host = Builder(("Storage:Sqlite:Path", file.Path)).Build();
        await host.StartAsync();

        var stores = host.Services.GetRequiredService<ModerationStores>();
        Assert.Same(stores.ArticleComments, host.Services.GetRequiredService<IArticleCommentStore>());
        Assert.Same(stores.Idempotency, host.Services.GetRequiredService<IIdempotencyStore>());
        Assert.True(File.Exists(file.Path));

        var report = await host.Services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(check => check.Tags.Contains("ready"));
        Assert.Equal(HealthStatus.Healthy, report.Entries[StorageHostBuilderExtensions.HealthCheckName].Status);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_mongo_provider_without_a_connection_string_stops_the_host_naming_the_setting()
    {
        using var host = Builder(("Storage:Provider", "MongoDb")).Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Storage:MongoDb:ConnectionString", error.Message);
    }

    [Fact]
    public void The_validator_accepts_the_defaults_and_rejects_an_empty_sqlite_path()
    {
        var validator = new StorageOptionsValidator();

        Assert.True(validator.Validate(null, new StorageOptions()).Succeeded);
        var failed = validator.Validate(null, new StorageOptions { Sqlite = { Path = " " } });
        Assert.Contains("Storage:Sqlite:Path", failed.FailureMessage);
    }

    [Fact]
    public async Task A_service_registers_creates_and_reaches_only_its_own_stores()
    {
        var path = Path.Combine(Path.GetDirectoryName(file.Path)!, "publishing.db");
        using var host = Builder([StoreOwner.Publishing], ("Storage:Sqlite:Path", path)).Build();
        await host.StartAsync();

        Assert.NotNull(host.Services.GetRequiredService<IArticleCommentStore>());
        Assert.Null(host.Services.GetService<ICommentStatusStore>());
        Assert.Null(host.Services.GetService<IAuthorActivityStore>());
        Assert.Null(host.Services.GetService<IReviewQueueStore>());
        var stores = host.Services.GetRequiredService<ModerationStores>();
        var refused = Assert.Throws<InvalidOperationException>(() => stores.ReviewQueue);
        Assert.Contains("Review", refused.Message);
        Assert.Equal(["article_comments", "erased_authors"], await TablesAsync(path));
        await host.StopAsync();
    }

    [Fact]
    public void Each_service_has_its_own_mongo_database_unless_one_is_named()
    {
        var perService = new MongoStorageOptions();
        var single = new MongoStorageOptions { Database = "moderation" };

        Assert.Equal(
            ["moderation-ingestion", "moderation-worker", "moderation-publishing", "moderation-review"],
            AllOwners.Select(perService.DatabaseFor));
        Assert.All(AllOwners, owner => Assert.Equal("moderation", single.DatabaseFor(owner)));
    }

    [Fact]
    public void A_service_that_names_no_owner_is_refused()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());

        Assert.Throws<ArgumentException>(() => builder.AddModerationStorage());
    }

    private static async Task<List<string>> TablesAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}
