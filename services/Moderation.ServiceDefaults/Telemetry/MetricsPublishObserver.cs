using MassTransit;
using Moderation.Contracts;

namespace Moderation.ServiceDefaults.Telemetry;

/// <summary>
/// Counts each pipeline event once the broker has it: the service that publishes an event is where it happened
/// (Ingestion accepts, the worker decides, Review records a moderator), so no service code has to remember to count.
/// </summary>
public sealed class MetricsPublishObserver(ModerationMetrics metrics) : IPublishObserver
{
    public Task PrePublish<T>(PublishContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostPublish<T>(PublishContext<T> context)
        where T : class
    {
        switch (context.Message)
        {
            case CommentSubmitted { Comment: { } comment }:
                metrics.CommentSubmitted(comment);
                break;
            case CommentModerated { Comment: { } comment, Decision: { } decision }:
                metrics.CommentDecided(comment, decision);
                break;
            case CommentApproved { Comment: { } comment }:
                metrics.ModeratorDecided(comment, approved: true);
                break;
            case CommentRejected { Comment: { } comment }:
                metrics.ModeratorDecided(comment, approved: false);
                break;
        }

        return Task.CompletedTask;
    }

    public Task PublishFault<T>(PublishContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;
}
