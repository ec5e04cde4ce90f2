using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Moderation.Storage.Hosting;
using Moderation.Storage.Mongo;
using Moderation.Storage.Resilience;
using Moderation.Storage.Sqlite;
using Polly;
using Polly.Registry;

namespace Moderation.Storage;

public static class StorageHostBuilderExtensions
{
    /// <summary>Name of the readiness health check this registers (tagged <c>ready</c>).</summary>
    public const string HealthCheckName = "store";

    /// <summary>
    /// Registers the stores of the provider chosen in <c>Storage:Provider</c> as singletons, the start-up schema
    /// initializer, the store retry pipelines and a readiness health check named <c>store</c>.
    /// </summary>
    public static IHostApplicationBuilder AddModerationStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddOptions<StorageOptions>()
            .Bind(builder.Configuration.GetSection(StorageOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddResiliencePipeline(StoreResilience.PipelineName, pipeline => pipeline.AddStoreRetry());
        services.AddResiliencePipeline(StoreResilience.StartupPipelineName, pipeline => pipeline.AddStartupRetry());

        // The provider is chosen when the stores are first resolved, after the options have been validated.
        var contentRoot = builder.Environment.ContentRootPath;
        services.TryAddSingleton<IModerationStores>(provider => CreateStores(provider, contentRoot));
        services.TryAddSingleton(provider => provider.GetRequiredService<IModerationStores>().CommentStatus);
        services.TryAddSingleton(provider => provider.GetRequiredService<IModerationStores>().Idempotency);
        services.TryAddSingleton(provider => provider.GetRequiredService<IModerationStores>().ArticleComments);
        services.TryAddSingleton(provider => provider.GetRequiredService<IModerationStores>().ReviewQueue);
        services.TryAddSingleton(provider => provider.GetRequiredService<IModerationStores>().AuthorActivity);
        services.TryAddSingleton(provider => provider.GetRequiredService<IModerationStores>().AuthorHistory);
        services.TryAddSingleton(provider => provider.GetRequiredService<IModerationStores>().ModeratorAccounts);
        services.TryAddSingleton(provider => provider.GetRequiredService<IModerationStores>().ModeratorTokens);
        services.TryAddSingleton(provider => provider.GetRequiredService<IModerationStores>().ModeratorSessions);
        services.TryAddSingleton(provider => provider.GetRequiredService<IModerationStores>().ReviewAudit);
        services.TryAddSingleton(provider => provider.GetRequiredService<IModerationStores>().ReviewComments);

        services.AddHostedService<StoreInitializer>();
        services.AddHealthChecks().AddCheck<StoreHealthCheck>(HealthCheckName, tags: ["ready"]);
        return builder;
    }

    private static IModerationStores CreateStores(IServiceProvider provider, string contentRoot)
    {
        var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
        var pipelines = provider.GetRequiredService<ResiliencePipelineProvider<string>>();
        var storePipeline = pipelines.GetPipeline(StoreResilience.PipelineName);
        var startupPipeline = pipelines.GetPipeline(StoreResilience.StartupPipelineName);
        return options.Provider switch
        {
            StorageProvider.Sqlite => new SqliteStores(
                Path.Combine(contentRoot, options.Sqlite.Path), storePipeline, startupPipeline),
            StorageProvider.MongoDb => new MongoStores(options.MongoDb, storePipeline, startupPipeline),
            _ => throw new OptionsValidationException(
                StorageOptions.SectionName, typeof(StorageOptions), ["Storage:Provider must be Sqlite or MongoDb."]),
        };
    }
}
