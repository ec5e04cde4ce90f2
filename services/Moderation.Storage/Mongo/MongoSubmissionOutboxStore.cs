using Moderation.Storage.Comments;
using Moderation.Storage.Mongo.Documents;
using Moderation.Storage.Sqlite;
using MongoDB.Driver;

namespace Moderation.Storage.Mongo;

/// <summary>
/// The submission outbox in the comment_status documents. A claim picks due candidates, then leases them with a
/// conditional update (still due) under a fresh lease id, then reads back what that lease got: of two claims racing for
/// one document, the condition lets only the first take it.
/// </summary>
internal sealed class MongoSubmissionOutboxStore(MongoDatabaseContext context) : ISubmissionOutboxStore
{
    private static readonly FilterDefinitionBuilder<CommentStatusDocument> Filter = Builders<CommentStatusDocument>.Filter;
    private static readonly UpdateDefinitionBuilder<CommentStatusDocument> Update = Builders<CommentStatusDocument>.Update;

    public Task<bool> TryAcceptAsync(CommentStatusRecord record, OutgoingSubmission outgoing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(outgoing);
        var document = CommentStatusDocument.From(record);
        document.Outbox = SqliteJson.Serialize(StoredSubmission.From(outgoing));
        document.OutboxDueAt = document.SubmittedAt;
        return context.TryInsertAsync(context.CommentStatus, document, cancellationToken);
    }

    public Task<IReadOnlyList<OutgoingSubmission>> ClaimAsync(
        int limit, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var due = Filter.Lte(d => d.OutboxDueAt, StoredTime.ToUtcDateTime(now));
        return context.RunAsync<IReadOnlyList<OutgoingSubmission>>(
            async token =>
            {
                // Of candidates another relay leased first, this claim gets none: it looks again (their due time moved
                // on, so the next look finds others), a few times, rather than going home empty-handed.
                var lease = Guid.NewGuid();
                var candidates = new List<Guid>();
                var leased = 0L;
                for (var look = 0; look < 3 && leased < limit; look++)
                {
                    var found = await context.CommentStatus.Find(due)
                        .Sort(Builders<CommentStatusDocument>.Sort.Ascending(d => d.OutboxDueAt).Ascending(d => d.Id))
                        .Limit(limit - (int)leased)
                        .Project(d => d.Id)
                        .ToListAsync(token).ConfigureAwait(false);
                    if (found.Count == 0)
                    {
                        break;
                    }

                    candidates.AddRange(found);
                    var result = await context.CommentStatus.UpdateManyAsync(
                        Filter.In(d => d.Id, found) & due,
                        Update.Set(d => d.OutboxDueAt, StoredTime.ToUtcDateTime(leaseUntil))
                            .Set(d => d.OutboxLease, lease)
                            .Inc(d => d.OutboxAttempts, 1),
                        cancellationToken: token).ConfigureAwait(false);
                    leased += result.ModifiedCount;
                    if (result.ModifiedCount == found.Count)
                    {
                        break;
                    }
                }

                if (leased == 0)
                {
                    return [];
                }

                var claimed = await context.CommentStatus.Find(Filter.In(d => d.Id, candidates) & Filter.Eq(d => d.OutboxLease, lease))
                    .ToListAsync(token).ConfigureAwait(false);
                return [.. claimed
                    .Where(d => d.Outbox is not null)
                    .OrderBy(d => d.SubmittedAt).ThenBy(d => d.Id)
                    .Select(d => SqliteJson.Deserialize<StoredSubmission>(d.Outbox!).ToOutgoing(d.OutboxAttempts))];
            },
            cancellationToken);
    }

    public Task MarkSentAsync(IReadOnlyCollection<Guid> commentIds, CancellationToken cancellationToken = default) =>
        UpdateManyAsync(
            Filter.In(d => d.Id, commentIds),
            Update.Unset(d => d.Outbox).Unset(d => d.OutboxDueAt).Unset(d => d.OutboxLease),
            commentIds,
            cancellationToken);

    public Task ReleaseAsync(IReadOnlyCollection<Guid> commentIds, DateTimeOffset retryAt, CancellationToken cancellationToken = default) =>
        UpdateManyAsync(
            Filter.In(d => d.Id, commentIds) & Filter.Ne(d => d.OutboxDueAt, null),
            Update.Set(d => d.OutboxDueAt, StoredTime.ToUtcDateTime(retryAt)),
            commentIds,
            cancellationToken);

    public Task<long> CountUnsentAsync(CancellationToken cancellationToken = default) =>
        context.RunAsync(
            token => context.CommentStatus.CountDocumentsAsync(Filter.Ne(d => d.OutboxDueAt, null), cancellationToken: token),
            cancellationToken);

    private Task UpdateManyAsync(
        FilterDefinition<CommentStatusDocument> filter,
        UpdateDefinition<CommentStatusDocument> update,
        IReadOnlyCollection<Guid> commentIds,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commentIds);
        return commentIds.Count == 0
            ? Task.CompletedTask
            : context.RunAsync(token => context.CommentStatus.UpdateManyAsync(filter, update, cancellationToken: token), cancellationToken);
    }
}
