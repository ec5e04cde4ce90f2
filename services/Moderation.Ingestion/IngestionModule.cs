using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moderation.Ingestion.Articles;
using Moderation.Ingestion.Erasure;
using Moderation.Ingestion.Reports;
using Moderation.Ingestion.Stats;
using Moderation.Ingestion.Status;
using Moderation.Ingestion.Submissions;
using Moderation.ServiceDefaults.Erasure;
using Moderation.ServiceDefaults.Sites;
using Moderation.Storage;

namespace Moderation.Ingestion;

/// <summary>The Ingestion API: site backends submit comments and follow their status.</summary>
public static class IngestionModule
{
    public static IHostApplicationBuilder AddIngestion(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IngestionOptions>()
            .BindConfiguration(IngestionOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<CommentSubmitter>();
        builder.Services.AddSingleton<SubmissionRelaySignal>();
        builder.Services.AddSingleton<SubmissionOutbox>();
        builder.Services.AddSingleton<SubmissionBacklog>();
        builder.Services.AddHostedService<SubmissionRelay>();
        builder.Services.AddScoped<CommentReporter>();
        builder.Services.AddScoped<ArticleGate>();
        builder.Services.AddHostedService<SurgeWatcher>();
        builder.Services.AddHostedService<AuthorHistoryPruner>();
        return builder;
    }

    public static void AddIngestionConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<CommentStatusConsumer, CommentStatusConsumerDefinition>();
        bus.AddConsumer<CommentDecisionsConsumer, CommentDecisionsConsumerDefinition>();
        bus.AddConsumer<CloseReportsConsumer, CloseReportsConsumerDefinition>();
        bus.AddConsumer<IngestionEraseAuthorConsumer, IngestionEraseAuthorConsumerDefinition>();
        bus.TryAddSingleton<IErasedAuthors>(provider =>
        {
            var stores = provider.GetRequiredService<ModerationStores>();
            var record = new ErasureRecordSnapshots(stores.CountErasedAuthorsAsync, stores.ErasedAuthorKeysAsync, Moderation.Storage.Erasure.AuthorErasureKey.For);
            return new ErasedAuthorCache(stores.IsAuthorErasedAsync, provider.GetRequiredService<TimeProvider>(), record);
        });
    }

    public static IEndpointRouteBuilder MapIngestion(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1").RequireSite().WithTags("Comments");
        api.MapPost("/sites/{siteId}/articles/{articleId}/comments", SubmitCommentEndpoint.HandleAsync)
            .WithName("SubmitComment")
            .Accepts<SubmitCommentRequest>("application/json")
            .WithSummary("Submit a reader's comment for moderation.");
        api.MapGet("/comments/{id}", CommentStatusEndpoint.HandleAsync)
            .WithName("GetCommentStatus")
            .WithSummary("Where a comment is in the pipeline, and why.");
        api.MapPost("/comments/{id}/reports", ReportCommentEndpoint.HandleAsync)
            .WithName("ReportComment")
            .WithTags("Reports")
            .Accepts<ReportCommentRequest>("application/json")
            .WithSummary("A reader reports a comment (spam, abuse, off_topic, other); the same reporter counts once.");
        api.MapGet("/sites/{siteId}/stats", SiteStatsEndpoint.HandleAsync)
            .WithName("GetSiteStats")
            .WithTags("Stats")
            .WithSummary("Counts of the site's comments (submitted, approved, flagged, rejected, reported, decided by moderators) per UTC day or article.");
        api.MapGet("/sites/{siteId}/articles/{articleId}/moderation", ArticleModerationEndpoints.GetAsync)
            .WithName("GetArticleModeration")
            .WithTags("Articles")
            .WithSummary("The article's moderation mode now (normal, premoderate, closed) and what set it (editor, schedule, surge).");
        api.MapPut("/sites/{siteId}/articles/{articleId}/moderation", ArticleModerationEndpoints.PutAsync)
            .WithName("SetArticleModeration")
            .WithTags("Articles")
            .Accepts<SetArticleModeRequest>("application/json")
            .WithSummary("An editor sets the article's mode (premoderate, normal, closed), or 'auto' to follow schedule and surge.");
        api.MapDelete("/sites/{siteId}/authors/{authorId}", EraseAuthorEndpoint.HandleAsync)
            .WithName("EraseAuthor")
            .WithTags("Authors")
            .WithSummary("Erase an author (GDPR Article 17): their comments, names and activity leave every service's stores.");
        return app;
    }
}
