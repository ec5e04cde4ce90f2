using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Moderation.ServiceDefaults;
using Moderation.ServiceDefaults.Erasure;
using Moderation.ServiceDefaults.Sites;
using Moderation.Storage;
using Moderation.Storage.Resilience;
using Moderation.Webhooks.Api;
using Moderation.Webhooks.Consuming;
using Moderation.Webhooks.Delivery;
using Moderation.Webhooks.Sites;
using Moderation.Webhooks.Storage;
using MongoDB.Driver;
using Polly;
using Polly.Registry;

namespace Moderation.Webhooks;

/// <summary>
/// The webhook delivery service: stores an event for every change of a comment's state and POSTs it, signed, to the
/// site's receiver until it answers 2xx, in order per comment; what still fails after a day waits in a dead-letter list.
/// </summary>
public static class WebhooksModule
{
    /// <summary>Its MongoDB database when <c>Storage:MongoDb:Database</c> does not name one for every service.</summary>
    public const string DefaultMongoDatabase = "moderation-webhooks";

    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WebhookOptions>()
            .BindConfiguration(WebhookOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<WebhookSitesOptions>()
            .BindConfiguration(SitesOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(WebhookSender.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        services.AddResiliencePipeline<string, HttpResponseMessage>(WebhookSender.PipelineName, (pipeline, context) =>
            WebhookSender.Configure(pipeline, context.ServiceProvider.GetRequiredService<IOptions<WebhookOptions>>().Value));
        services.AddResiliencePipeline(WebhookStoreRetry, pipeline => pipeline.AddStoreRetry());

        var explicitMongoDatabase = builder.Configuration[$"{StorageOptions.SectionName}:MongoDb:Database"];
        var contentRoot = builder.Environment.ContentRootPath;
        services.AddSingleton<IWebhookStore>(provider => CreateStore(provider, contentRoot, explicitMongoDatabase));
        services.AddSingleton<WebhookSender>();
        services.AddHostedService<WebhookDispatcher>();
        services.AddHealthChecks().AddCheck<WebhookStoreHealthCheck>("webhook-store", tags: [ServiceDefaultsExtensions.ReadyTag]);
        return builder;
    }

    public static void AddWebhookConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<WebhookEventConsumer, WebhookEventConsumerDefinition>();
        bus.TryAddSingleton<IErasedAuthors>(provider => new ErasedAuthorCache(provider.GetRequiredService<IWebhookStore>().IsAuthorErasedAsync, provider.GetRequiredService<TimeProvider>()));
    }

    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/sites/{siteId}/webhooks").RequireSite().WithTags("Webhooks");
        api.MapGet("/dead-letters", DeadLetterEndpoints.ListAsync)
            .WithName("ListWebhookDeadLetters")
            .WithSummary("The site's events that could not be delivered, oldest first, with the last error.");
        api.MapPost("/dead-letters/replay", DeadLetterEndpoints.ReplayAllAsync)
            .WithName("ReplayWebhookDeadLetters")
            .WithSummary("Put every dead-lettered event of the site back in line for delivery.");
        api.MapPost("/dead-letters/{eventId}/replay", DeadLetterEndpoints.ReplayOneAsync)
            .WithName("ReplayWebhookDeadLetter")
            .WithSummary("Put one dead-lettered event back in line for delivery.");
        api.MapGet("/events/{eventId}", DeadLetterEndpoints.GetEventAsync)
            .WithName("GetWebhookEvent")
            .WithSummary("Where one event's delivery stands.");
        return app;
    }

    private const string WebhookStoreRetry = "webhook-store";

    private static IWebhookStore CreateStore(IServiceProvider provider, string contentRoot, string? explicitMongoDatabase)
    {
        var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
        var pipeline = provider.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline(WebhookStoreRetry);
        return storage.Provider == StorageProvider.MongoDb
            ? new MongoWebhookStore(
                new MongoClient(storage.MongoDb.ClientSettings()).GetDatabase(
                    string.IsNullOrWhiteSpace(explicitMongoDatabase) ? DefaultMongoDatabase : explicitMongoDatabase),
                pipeline)
            : new SqliteWebhookStore(Path.Combine(contentRoot, storage.Sqlite.Path), pipeline);
    }
}
