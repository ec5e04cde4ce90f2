using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moderation.Review.Erasure;
using Moderation.ServiceDefaults.Erasure;
using Moderation.Storage;
using Moderation.Review.Accounts;
using Moderation.Review.Api;
using Moderation.Review.Articles;
using Moderation.Review.Auth;
using Moderation.Review.Authors;
using Moderation.Review.Console;
using Moderation.Review.Decisions;
using Moderation.Review.Desk;
using Moderation.Review.Live;
using Moderation.Review.Queue;
using Moderation.Review.Sites;

namespace Moderation.Review;

/// <summary>The Review service: the queue of flagged comments, the moderators who decide them, and their console.</summary>
public static class ReviewModule
{
    public static IHostApplicationBuilder AddReview(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReviewOptions>()
            .BindConfiguration(ReviewOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<ReviewOptions>, ReviewOptionsValidator>();
        builder.AddReviewAuthentication();
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddSingleton<ReviewSessions>();
        builder.Services.AddSingleton<ReviewPrincipals>();
        builder.Services.AddSingleton<ReviewSites>();
        builder.Services.AddReviewSites();
        builder.Services.AddSingleton<ModeratorAccounts>();
        builder.Services.AddScoped<ReviewDecider>();
        builder.Services.AddScoped<AuthorStandings>();
        builder.Services.AddScoped<QueueSweep>();
        builder.Services.AddScoped<DeskReports>();
        builder.Services.AddSingleton<DecisionOutbox>();
        builder.Services.AddHostedService<DecisionRelay>();
        builder.Services.AddSingleton<DecidedItemPruner>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DecidedItemPruner>());
        builder.Services.AddSingleton<ConsoleAssets>();
        builder.Services.AddHostedService<BootstrapAdmin>();
        builder.Services.AddHostedService<ReviewPendingSampler>();
        return builder;
    }

    public static void AddReviewConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<QueueFlaggedCommentConsumer, QueueFlaggedCommentConsumerDefinition>();
        bus.AddConsumer<RecordReviewCommentConsumer, RecordReviewCommentConsumerDefinition>();
        bus.AddConsumer<QueueReportedCommentConsumer, QueueReportedCommentConsumerDefinition>();
        bus.AddConsumer<ReviewEraseAuthorConsumer, ReviewEraseAuthorConsumerDefinition>();
        bus.AddConsumer<RecordArticleModeConsumer, RecordArticleModeConsumerDefinition>();
        bus.TryAddSingleton<IErasedAuthors>(provider =>
        {
            var stores = provider.GetRequiredService<ModerationStores>();
            var record = new ErasureRecordSnapshots(stores.CountErasedAuthorsAsync, stores.ErasedAuthorKeysAsync, Moderation.Storage.Erasure.AuthorErasureKey.For);
            return new ErasedAuthorCache(stores.IsAuthorErasedAsync, provider.GetRequiredService<TimeProvider>(), record);
        });
    }

    /// <summary>Authentication and authorization; the composed host gets them from UseSiteApi instead. Before MapReview.</summary>
    public static WebApplication UseReview(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static IEndpointRouteBuilder MapReview(this IEndpointRouteBuilder app)
    {
        var review = app.MapGroup("/v1/review").WithTags("Review");
        review.MapAuthEndpoints();

        // Everything else needs a moderator (cookie or API token); state changes made with the cookie need the antiforgery header.
        var signedIn = review.MapGroup("")
            .RequireAuthorization(ReviewAuthentication.ModeratorPolicy)
            .AddEndpointFilter<AntiforgeryFilter>();
        signedIn.MapQueueEndpoints();
        signedIn.MapItemEndpoints();
        signedIn.MapArticleEndpoints();
        signedIn.MapAuthorEndpoints();
        signedIn.MapQueueEvents();
        signedIn.MapAuditEndpoints();
        signedIn.MapDeskEndpoints();
        signedIn.MapAdminEndpoints();

        app.MapConsole();
        return app;
    }
}
