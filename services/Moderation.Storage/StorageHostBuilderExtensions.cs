using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Moderation.Storage.Hosting;
using Moderation.Storage.Resilience;
using Polly;
using Polly.Registry;

namespace Moderation.Storage;

public static class StorageHostBuilderExtensions
{
    /// <summary>Name of the readiness health check this registers (tagged <c>ready</c>).</summary>
    public const string HealthCheckName = "store";

    /// <summary>
    /// Registers the stores of <paramref name="owners"/> (and only those) on the provider chosen in
    /// <c>Storage:Provider</c> as singletons, the start-up schema initializer for those owners, the store retry
    /// pipelines and a readiness health check named <c>store</c>. A service names itself; the composed host names all four.
    /// </summary>
    public static IHostApplicationBuilder AddModerationStorage(this IHostApplicationBuilder builder, params StoreOwner[] owners)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(owners);
        if (owners.Length == 0)
        {
            throw new ArgumentException("Name the owners whose stores this service opens.", nameof(owners));
        }

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
        services.TryAddSingleton(provider => OpenStores(provider, contentRoot, owners));
        foreach (var owner in owners.Distinct())
        {
            RegisterOwnedStores(services, owner);
        }

        services.AddHostedService<StoreInitializer>();
        services.AddExceptionHandler<StoreUnavailableExceptionHandler>();
        services.AddHealthChecks().AddCheck<StoreHealthCheck>(HealthCheckName, tags: ["ready"]);
        return builder;
    }

    private static void RegisterOwnedStores(IServiceCollection services, StoreOwner owner)
    {
        services.TryAddKeyedSingleton(owner, (provider, _) => provider.GetRequiredService<ModerationStores>().ErasureOf(owner));
        switch (owner)
        {
            case StoreOwner.Ingestion:
                services.TryAddSingleton(provider => provider.GetRequiredService<ModerationStores>().CommentStatus);
                services.TryAddSingleton(provider => provider.GetRequiredService<ModerationStores>().SubmissionOutbox);
                services.TryAddSingleton(provider => provider.GetRequiredService<ModerationStores>().Idempotency);
                services.TryAddSingleton(provider => provider.GetRequiredService<ModerationStores>().AuthorHistory);
                services.TryAddSingleton(provider => provider.GetRequiredService<ModerationStores>().CommentReports);
                services.TryAddSingleton(provider => provider.GetRequiredService<ModerationStores>().ArticleStates);
                services.TryAddSingleton(provider => provider.GetRequiredService<ModerationStores>().SiteStats);
                break;
            case StoreOwner.Worker:
                services.TryAddSingleton(provider => provider.GetRequiredService<ModerationStores>().AuthorActivity);
                services.TryAddSingleton(provider => provider.GetRequiredService<ModerationStores>().AuthorStanding);
                break;
            case StoreOwner.Publishing:
                services.TryAddSingleton(provider => provider.GetRequiredService<ModerationStores>().ArticleComments);
                break;
            case StoreOwner.Review:
                services.TryAddSingleton(provider => provider.GetRequiredService<ModerationStores>().ReviewQueue);
                services.TryAddSingleton(provider => provider.GetRequiredService<ModerationStores>().ModeratorAccounts);
                services.TryAddSingleton(provider => provider.GetRequiredService<ModerationStores>().ModeratorTokens);
                services.TryAddSingleton(provider => provider.GetRequiredService<ModerationStores>().ModeratorSessions);
                services.TryAddSingleton(provider => provider.GetRequiredService<ModerationStores>().ReviewAudit);
                services.TryAddSingleton(provider => provider.GetRequiredService<ModerationStores>().ReviewComments);
                services.TryAddSingleton(provider => provider.GetRequiredService<ModerationStores>().ReviewBulkActions);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(owner), owner, "Unknown store owner.");
        }
    }

    private static ModerationStores OpenStores(IServiceProvider provider, string contentRoot, IEnumerable<StoreOwner> owners)
    {
        var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
        var pipelines = provider.GetRequiredService<ResiliencePipelineProvider<string>>();
        return ModerationStores.Open(
            options,
            Path.Combine(contentRoot, options.Sqlite.Path),
            owners,
            pipelines.GetPipeline(StoreResilience.PipelineName),
            pipelines.GetPipeline(StoreResilience.StartupPipelineName));
    }
}
