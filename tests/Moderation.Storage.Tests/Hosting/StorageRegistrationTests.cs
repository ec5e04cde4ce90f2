using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Moderation.Storage.Comments;
using Moderation.Storage.Publishing;
using Moderation.Storage.Sqlite;
using Moderation.Storage.Tests.Fixtures;

namespace Moderation.Storage.Tests.Hosting;

public sealed class StorageRegistrationTests(SqliteFileFixture file) : IClassFixture<SqliteFileFixture>
{
    private static HostApplicationBuilder Builder(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.AddModerationStorage();
        return builder;
    }

    [Fact]
    public async Task The_sqlite_host_creates_the_schema_at_start_and_reports_ready()
    {
        using var host = Builder(("Storage:Sqlite:Path", file.Path)).Build();
        await host.StartAsync();

        var stores = host.Services.GetRequiredService<IModerationStores>();
        Assert.IsType<SqliteStores>(stores);
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
}
