using Moderation.Storage.Activity;
using Moderation.Storage.Mongo.Documents;
using MongoDB.Driver;

namespace Moderation.Storage.Mongo;

/// <summary>
/// One findOneAndUpdate per append: <c>$push</c> with <c>$slice</c> onto the author's document, returning the document
/// as it was before, so what came before is read in the same atomic step as the append.
/// </summary>
internal sealed class MongoAuthorHistoryStore(MongoDatabaseContext context, int maxEntries) : IAuthorHistoryStore
{
    private static readonly FilterDefinitionBuilder<AuthorHistoryDocument> Filter = Builders<AuthorHistoryDocument>.Filter;
    private static readonly UpdateDefinitionBuilder<AuthorHistoryDocument> Update = Builders<AuthorHistoryDocument>.Update;

    public Task<IReadOnlyList<AuthorActivity>> AppendAsync(
        AuthorActivity entry, DateTimeOffset from, int limit, CancellationToken cancellationToken = default) =>
        context.RunAsync<IReadOnlyList<AuthorActivity>>(
            async token =>
            {
                var key = AuthorHistoryDocument.Key(entry.SiteId, entry.AuthorId);
                AuthorHistoryDocument? before;
                try
                {
                    // The filter misses a document that already holds this comment; the upsert then collides on _id.
                    before = await context.AuthorHistory.FindOneAndUpdateAsync(
                        Filter.Eq(d => d.Id, key) & Filter.Not(Filter.ElemMatch(d => d.Entries, e => e.CommentId == entry.CommentId)),
                        Update
                            .SetOnInsert(d => d.SiteId, entry.SiteId)
                            .SetOnInsert(d => d.AuthorId, entry.AuthorId)
                            .PushEach(d => d.Entries, [AuthorHistoryEntryDocument.From(entry)], slice: -maxEntries),
                        new FindOneAndUpdateOptions<AuthorHistoryDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.Before },
                        token).ConfigureAwait(false);
                }
                catch (Exception exception) when (MongoErrors.IsDuplicateKey(exception))
                {
                    // A retried append: answer what came before its first one.
                    var current = await context.AuthorHistory.Find(Filter.Eq(d => d.Id, key)).FirstOrDefaultAsync(token).ConfigureAwait(false);
                    var entries = current?.Entries ?? [];
                    var index = entries.FindIndex(e => e.CommentId == entry.CommentId);
                    before = new AuthorHistoryDocument { Entries = index < 0 ? entries : entries[..index] };
                }

                var fromTime = StoredTime.ToUtcDateTime(from);
                var earlier = (before?.Entries ?? []).Where(e => e.SubmittedAt >= fromTime).ToList();
                return [.. earlier.Skip(Math.Max(0, earlier.Count - limit)).Select(e => e.ToRecord(entry.SiteId, entry.AuthorId))];
            },
            cancellationToken);

    public Task<long> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        context.RunAsync(
            async token =>
            {
                var cutoff = StoredTime.ToUtcDateTime(before);
                var stale = Filter.ElemMatch(d => d.Entries, e => e.SubmittedAt < cutoff);
                var removed = 0L;
                using var cursor = await context.AuthorHistory.Find(stale).ToCursorAsync(token).ConfigureAwait(false);
                while (await cursor.MoveNextAsync(token).ConfigureAwait(false))
                {
                    foreach (var document in cursor.Current)
                    {
                        var old = document.Entries.Count(e => e.SubmittedAt < cutoff);
                        await context.AuthorHistory.UpdateOneAsync(
                            Filter.Eq(d => d.Id, document.Id),
                            Update.PullFilter(d => d.Entries, e => e.SubmittedAt < cutoff),
                            cancellationToken: token).ConfigureAwait(false);
                        removed += old;
                    }
                }

                await context.AuthorHistory.DeleteManyAsync(Filter.Size(d => d.Entries, 0), token).ConfigureAwait(false);
                return removed;
            },
            cancellationToken);
}
