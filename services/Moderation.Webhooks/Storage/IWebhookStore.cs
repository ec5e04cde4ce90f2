using Moderation.Webhooks.Events;

namespace Moderation.Webhooks.Storage;

/// <summary>
/// The delivery service's own store: every event to send, its attempts, and the dead-letter list. Safe for several
/// replicas: an event is sent by the replica that holds its lease, and an event waits while an earlier event of the same
/// subject (comment) is still pending, so each subject's events go out in order.
/// </summary>
public interface IWebhookStore
{
    /// <summary>Stores an event due now; false when an event with its id is already stored (a redelivered message).</summary>
    Task<bool> EnqueueAsync(WebhookEvent webhookEvent, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Leases up to <paramref name="max"/> due events to <paramref name="owner"/> until <paramref name="now"/> +
    /// <paramref name="lease"/>, each the earliest pending event of its subject.
    /// </summary>
    Task<IReadOnlyList<WebhookDelivery>> ClaimDueAsync(
        DateTimeOffset now, TimeSpan lease, string owner, int max, CancellationToken cancellationToken = default);

    Task MarkDeliveredAsync(Guid eventId, string owner, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Records a failed attempt and when to try again; releases the lease.</summary>
    Task RescheduleAsync(
        Guid eventId, string owner, DateTimeOffset firstFailedAt, DateTimeOffset dueAt, string error, CancellationToken cancellationToken = default);

    /// <summary>Records the last failed attempt and moves the event to its site's dead-letter list.</summary>
    Task DeadLetterAsync(Guid eventId, string owner, DateTimeOffset now, string error, CancellationToken cancellationToken = default);

    /// <summary>The site's dead-lettered events, oldest first.</summary>
    Task<IReadOnlyList<WebhookDelivery>> ListDeadLettersAsync(string siteId, int limit, CancellationToken cancellationToken = default);

    /// <summary>Makes a dead-lettered event of the site pending again, due now, with a fresh retry period; false if none.</summary>
    Task<bool> ReplayAsync(string siteId, Guid eventId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Replays every dead-lettered event of the site; returns how many.</summary>
    Task<int> ReplayAllAsync(string siteId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Deletes delivered events finished before <paramref name="before"/>; returns how many. Dead letters stay.</summary>
    Task<int> PurgeDeliveredAsync(DateTimeOffset before, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that the author is erased (by a hash of site and author) and deletes every event of the site that names
    /// them, whatever its state; <c>author.erased</c> events stay.
    /// </summary>
    Task EraseAuthorAsync(string siteId, string authorId, DateTimeOffset erasedAt, CancellationToken cancellationToken = default);

    Task<bool> IsAuthorErasedAsync(string siteId, string authorId, CancellationToken cancellationToken = default);

    Task<WebhookDelivery?> GetAsync(Guid eventId, CancellationToken cancellationToken = default);

    /// <summary>Creates tables and indexes; safe to call again and from several processes.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    Task PingAsync(CancellationToken cancellationToken = default);
}
