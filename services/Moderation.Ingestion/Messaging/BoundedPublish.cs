using MassTransit;

namespace Moderation.Ingestion.Messaging;

/// <summary>The one way Ingestion publishes while a site waits for its answer.</summary>
internal static class BoundedPublish
{
    /// <summary>
    /// Publishes <paramref name="message"/> and waits at most <paramref name="timeout"/> for the broker to confirm it.
    /// MassTransit keeps trying to reach a broker that is down and does not always honour cancellation promptly, so
    /// the wait is bounded here. Returns null once confirmed, otherwise what went wrong; the caller giving up
    /// (<paramref name="cancellationToken"/>) still throws.
    /// </summary>
    public static async Task<Exception?> TryPublishWithinAsync<T>(
        this IPublishEndpoint publisher, T message, TimeSpan timeout, CancellationToken cancellationToken)
        where T : class
    {
        using var publishCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        publishCancellation.CancelAfter(timeout);
        try
        {
            await publisher.Publish(message, publishCancellation.Token).WaitAsync(timeout, cancellationToken);
            return null;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            return exception;
        }
    }
}
