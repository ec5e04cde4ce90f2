using MassTransit;
using Moderation.Review.Queue;

namespace Moderation.Review;

/// <summary>The Review service: the queue of flagged comments and the moderators who decide them.</summary>
public static class ReviewModule
{
    public static IHostApplicationBuilder AddReview(this IHostApplicationBuilder builder) => builder;

    public static void AddReviewConsumers(this IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<QueueFlaggedCommentConsumer, QueueFlaggedCommentConsumerDefinition>();

    public static IEndpointRouteBuilder MapReview(this IEndpointRouteBuilder app) => app;
}
