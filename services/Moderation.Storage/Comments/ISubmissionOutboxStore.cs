namespace Moderation.Storage.Comments;

/// <summary>
/// Owned by the Ingestion API: the submission outbox, kept in the comment's status record itself, so accepting a
/// comment is one write (SQLite row, MongoDB document) and no accepted comment can lack its event. Relays on any number
/// of replicas share the unsent ones by leasing them; a lease that lapses (its relay died) frees them again.
/// </summary>
public interface ISubmissionOutboxStore
{
    /// <summary>
    /// Inserts the pending <paramref name="record"/> together with <paramref name="outgoing"/>, unsent and due at once,
    /// in one write, unless a record with the same id exists (then changes nothing). Returns true when it inserted.
    /// </summary>
    Task<bool> TryAcceptAsync(CommentStatusRecord record, OutgoingSubmission outgoing, CancellationToken cancellationToken = default);

    /// <summary>
    /// Leases up to <paramref name="limit"/> unsent submissions that are due at <paramref name="now"/> (never leased,
    /// lease lapsed, or retry time reached), oldest due first, until <paramref name="leaseUntil"/>, counting an attempt
    /// on each. Two claims at once never get the same submission while its lease holds.
    /// </summary>
    Task<IReadOnlyList<OutgoingSubmission>> ClaimAsync(
        int limit, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default);

    /// <summary>Marks the submissions sent (the broker confirmed them): they leave the outbox. Sent or unknown ids change nothing.</summary>
    Task MarkSentAsync(IReadOnlyCollection<Guid> commentIds, CancellationToken cancellationToken = default);

    /// <summary>Hands unsent submissions back, due again at <paramref name="retryAt"/> (the relay's backoff).</summary>
    Task ReleaseAsync(IReadOnlyCollection<Guid> commentIds, DateTimeOffset retryAt, CancellationToken cancellationToken = default);

    /// <summary>How many accepted submissions are still unsent, leased or not.</summary>
    Task<long> CountUnsentAsync(CancellationToken cancellationToken = default);
}
