using Moderation.Ingestion;
using Moderation.Publishing;
using Moderation.Review;
using Moderation.ServiceDefaults;
using Moderation.ServiceDefaults.Messaging;
using Moderation.ServiceDefaults.Sites;
using Moderation.Storage;
using Moderation.Webhooks;
using Moderation.Worker;

namespace Moderation.Host;

/// <summary>
/// Every service in one process, for one machine: the same modules the separate services run, on one bus
/// (in-memory by default) and one store (SQLite by default), every route under one base URL.
/// </summary>
public static class Program
{
    public static Task<int> Main(string[] args) => ServiceRunner.RunAsync(args, Build);

    /// <summary>The whole service, configured from <paramref name="args"/> and the usual sources; tests start it too.</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();
        builder.AddModerationStorage(StoreOwner.Ingestion, StoreOwner.Worker, StoreOwner.Publishing, StoreOwner.Review);
        builder.AddSiteApi();
        builder.AddIngestion();
        builder.AddWorker();
        builder.AddReview();
        builder.AddWebhooks();
        builder.AddModerationMessaging(bus =>
        {
            bus.AddIngestionConsumers();
            bus.AddWorkerConsumers();
            bus.AddPublishingConsumers();
            bus.AddReviewConsumers();
            bus.AddWebhookConsumers();
        });

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.UseSiteApi();
        app.MapIngestion();
        app.MapPublishing();
        app.MapReview();
        app.MapWebhooks();
        app.PrintWelcomeOnStart();
        return app;
    }
}
