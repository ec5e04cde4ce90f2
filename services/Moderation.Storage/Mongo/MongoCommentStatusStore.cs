using Moderation.Contracts;
using Moderation.Storage.Comments;
using Moderation.Storage.Mongo.Documents;
using MongoDB.Driver;

namespace Moderation.Storage.Mongo;

internal sealed class MongoCommentStatusStore(MongoDatabaseContext context) : ICommentStatusStore
{
    private static readonly FilterDefinitionBuilder<CommentStatusDocument> Filter = Builders<CommentStatusDocument>.Filter;
    private static readonly UpdateDefinitionBuilder<CommentStatusDocument> Update = Builders<CommentStatusDocument>.Update;

    public Task<bool> TryCreateAsync(CommentStatusRecord record, CancellationToken cancellationToken = default) =>
        context.TryInsertAsync(context.CommentStatus, CommentStatusDocument.From(record), cancellationToken);

    public Task<CommentStatusRecord?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        context.RunAsync(
            async token =>
            {
                var document = await context.CommentStatus.Find(Filter.Eq(d => d.Id, id))
                    .FirstOrDefaultAsync(token).ConfigureAwait(false);
                return document?.ToRecord();
            },
            cancellationToken);

    public async Task<IReadOnlyList<CommentStatusRecord>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default) =>
        ids.Count == 0
            ? []
            : await context.RunAsync(
                async token =>
                {
                    var documents = await context.CommentStatus.Find(Filter.In(d => d.Id, ids))
                        .ToListAsync(token).ConfigureAwait(false);
                    return documents.Select(document => document.ToRecord()).ToList();
                },
                cancellationToken).ConfigureAwait(false);

    public Task<bool> ApplyModerationAsync(
        Guid id, CommentStatus status, ModerationDecision decision, CancellationToken cancellationToken = default)
    {
        CommentStatusTransitions.EnsureModerationOutcome(status);
        return UpdateAsync(
            Filter.Eq(d => d.Id, id) & Filter.Eq(d => d.Status, CommentStatus.Pending),
            Update.Set(d => d.Status, status).Set(d => d.Decision, ModerationDecisionDocument.From(decision)),
            cancellationToken);
    }

    /// <summary>One conditional update per comment, as the single-comment path does: MongoDB takes concurrent writes, so batching buys less here than on SQLite's one writer.</summary>
    public async Task ApplyModerationsAsync(IReadOnlyList<ModerationStatusUpdate> updates, CancellationToken cancellationToken = default)
    {
        foreach (var update in updates)
        {
            CommentStatusTransitions.EnsureModerationOutcome(update.Status);
        }

        foreach (var (pending, status, decision) in updates)
        {
            if (!await ApplyModerationAsync(pending.Id, status, decision, cancellationToken).ConfigureAwait(false) &&
                await TryCreateAsync(pending with { Status = CommentStatus.Pending, Decision = null, Review = null }, cancellationToken).ConfigureAwait(false))
            {
                await ApplyModerationAsync(pending.Id, status, decision, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public Task<bool> MarkDeletedAsync(Guid id, CancellationToken cancellationToken = default) =>
        UpdateAsync(
            Filter.Eq(d => d.Id, id) & Filter.Ne(d => d.Status, CommentStatus.Deleted),
            Update.Set(d => d.Status, CommentStatus.Deleted).Unset(d => d.Outbox).Unset(d => d.OutboxDueAt).Unset(d => d.OutboxLease),
            cancellationToken);

    public Task<bool> ApplyRedecisionAsync(
        Guid id, CommentStatus status, ModerationDecision decision, CancellationToken cancellationToken = default)
    {
        CommentStatusTransitions.EnsureRedecisionOutcome(status);
        CommentStatus[] from = status == CommentStatus.Rejected
            ? [CommentStatus.Pending, CommentStatus.Approved, CommentStatus.Flagged]
            : [CommentStatus.Pending, CommentStatus.Approved];
        return UpdateAsync(
            Filter.Eq(d => d.Id, id) & Filter.Eq(d => d.Review, null) & Filter.In(d => d.Status, from),
            Update.Set(d => d.Status, status).Set(d => d.Decision, ModerationDecisionDocument.From(decision)),
            cancellationToken);
    }

    public Task<bool> ApplyReviewAsync(
        Guid id, CommentStatus status, ModeratorDecision review, CancellationToken cancellationToken = default)
    {
        CommentStatusTransitions.EnsureReviewOutcome(status);
        return UpdateAsync(
            Filter.Eq(d => d.Id, id) & Filter.Ne(d => d.Status, CommentStatus.Deleted)
                & (Filter.In(d => d.Status, [CommentStatus.Pending, CommentStatus.Flagged]) | EarlierReview(review)),
            Update.Set(d => d.Status, status).Set(d => d.Review, ModeratorDecisionDocument.From(review)),
            cancellationToken);
    }

    /// <summary>No moderator decision yet, or an earlier one (a document without a sequence held the first).</summary>
    private static FilterDefinition<CommentStatusDocument> EarlierReview(ModeratorDecision review)
    {
        var at = StoredTime.ToUtcDateTime(review.DecidedAt);
        var unnumbered = Filter.Exists("Review.Sequence", false) &
            (review.Sequence > 1 ? Filter.Empty : Filter.Lt("Review.DecidedAt", at));
        return Filter.Eq(d => d.Review, null)
            | Filter.Lt("Review.Sequence", review.Sequence)
            | (Filter.Eq("Review.Sequence", review.Sequence) & Filter.Lt("Review.DecidedAt", at))
            | (Filter.Ne(d => d.Review, null) & unnumbered);
    }

    // The status condition sits in the update's filter, so a concurrent replay cannot slip between a read and a write.
    private Task<bool> UpdateAsync(
        FilterDefinition<CommentStatusDocument> filter,
        UpdateDefinition<CommentStatusDocument> update,
        CancellationToken cancellationToken) =>
        context.RunAsync(
            async token =>
            {
                var result = await context.CommentStatus.UpdateOneAsync(filter, update, cancellationToken: token)
                    .ConfigureAwait(false);
                return result.ModifiedCount == 1;
            },
            cancellationToken);
}
