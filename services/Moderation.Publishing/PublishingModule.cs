using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moderation.Publishing.Erasure;
using Moderation.ServiceDefaults.Erasure;
using Moderation.Storage;
using Moderation.Publishing.Publishing;
using Moderation.Publishing.Reading;
using Moderation.Publishing.Reports;
using Moderation.ServiceDefaults.Sites;

namespace Moderation.Publishing;

/// <summary>The Publishing service: approved comments under their article, and the read API that serves them.</summary>
public static class PublishingModule
{
    public static void AddPublishingConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<PublishApprovedCommentConsumer, PublishApprovedCommentConsumerDefinition>();
        bus.AddConsumer<PublishModeratedCommentsConsumer, PublishModeratedCommentsConsumerDefinition>();
        bus.AddConsumer<HideReportedCommentConsumer, HideReportedCommentConsumerDefinition>();
        bus.AddConsumer<PublishingEraseAuthorConsumer, PublishingEraseAuthorConsumerDefinition>();
        bus.TryAddSingleton<IErasedAuthors>(provider =>
        {
            var stores = provider.GetRequiredService<ModerationStores>();
            var record = new ErasureRecordSnapshots(stores.CountErasedAuthorsAsync, stores.ErasedAuthorKeysAsync, Moderation.Storage.Erasure.AuthorErasureKey.For);
            return new ErasedAuthorCache(stores.IsAuthorErasedAsync, provider.GetRequiredService<TimeProvider>(), record);
        });
    }

    public static IEndpointRouteBuilder MapPublishing(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/v1").RequireSite().WithTags("Articles")
            .MapGet("/sites/{siteId}/articles/{articleId}/comments", ArticleCommentsEndpoint.HandleAsync)
            .WithName("ListArticleComments")
            .WithSummary("The approved comments of an article, cursor-paginated.");
        return app;
    }
}
