namespace Moderation.Storage.Comments;

/// <summary>Owned by the Ingestion API. Every write is idempotent: replaying an event changes nothing.</summary>
public interface ICommentStatusStore
{
    /// <summary>Inserts a pending record unless one with the same id exists. Returns true when it inserted.</summary>
    Task<bool> TryCreateAsync(CommentStatusRecord record, CancellationToken cancellationToken = default);

    Task<CommentStatusRecord?> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The records of those ids that exist, in one read (unknown ids are left out; order not kept).</summary>
    Task<IReadOnlyList<CommentStatusRecord>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records the rules engine's decision. Applies only while the comment is still <see cref="CommentStatus.Pending"/>,
    /// so a late or repeated event never overwrites a moderator's decision. Returns true when it changed the record.
    /// </summary>
    Task<bool> ApplyModerationAsync(
        Guid id, CommentStatus status, Contracts.ModerationDecision decision, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records the rules engine's decisions on many comments in one write: each missing record is created as pending,
    /// then each decision applies as <see cref="ApplyModerationAsync"/> does (only to a pending comment). Replaying a
    /// batch, or a batch holding a comment twice, changes nothing more.
    /// </summary>
    Task ApplyModerationsAsync(IReadOnlyList<ModerationStatusUpdate> updates, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks the comment <see cref="CommentStatus.Deleted"/> (its author deleted it), keeping its decisions for the site's
    /// counts, and drops its submission event if the relay has not sent it yet. Final: no decision applies afterwards.
    /// Returns true when it changed the record (false when unknown or already deleted).
    /// </summary>
    Task<bool> MarkDeletedAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records the rules engine's decision on a published comment decided again on reader reports (status Flagged or
    /// Rejected). Applies only while no moderator decided the comment (the rules never override a moderator) and only
    /// towards a stricter status: Approved or Pending to Flagged or Rejected, Flagged to Rejected; so a replay, or a
    /// flag arriving after the rejection it preceded, changes nothing. Returns true when it changed the record.
    /// </summary>
    Task<bool> ApplyRedecisionAsync(
        Guid id, CommentStatus status, Contracts.ModerationDecision decision, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a moderator's decision (status Approved or Rejected). Applies while the comment is Pending or Flagged, or
    /// when no moderator decided it yet, or only earlier (by <see cref="Contracts.ModeratorDecision.Sequence"/>, then
    /// time): a takedown after an approval applies, a replayed or older decision never does. Returns true when it
    /// changed the record.
    /// </summary>
    Task<bool> ApplyReviewAsync(
        Guid id, CommentStatus status, Contracts.ModeratorDecision review, CancellationToken cancellationToken = default);
}
