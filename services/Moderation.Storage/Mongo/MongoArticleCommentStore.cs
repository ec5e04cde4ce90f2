using Moderation.Storage.Mongo.Documents;
using Moderation.Storage.Publishing;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Moderation.Storage.Mongo;

internal sealed class MongoArticleCommentStore(MongoDatabaseContext context) : IArticleCommentStore
{
    private static readonly FilterDefinitionBuilder<PublishedCommentDocument> Filter = Builders<PublishedCommentDocument>.Filter;
    private static readonly SortDefinitionBuilder<PublishedCommentDocument> Sort = Builders<PublishedCommentDocument>.Sort;

    /// <summary>Each lost race means a later decision landed meanwhile, so a few attempts always settle it.</summary>
    private const int MaxApplyAttempts = 10;

    public Task<bool> AddAsync(PublishedComment comment, CancellationToken cancellationToken = default) =>
        context.TryInsertAsync(context.ArticleComments, PublishedCommentDocument.From(comment), cancellationToken);

    /// <summary>
    /// Read, then replace only while no decision at least as late was applied in between (else read again): the
    /// emulator and MongoDB 4.4 both serve this, and it keeps a comment's place when it stays visible.
    /// </summary>
    public Task<bool> ApplyAsync(
        PublishedComment comment, bool visible, DecisionVersion version, CancellationToken cancellationToken = default) =>
        context.RunAsync(
            async token =>
            {
                var applied = PublishedCommentDocument.From(comment);
                applied.Removed = !visible;
                applied.DecisionSequence = version.Sequence;
                applied.DecidedAt = StoredTime.ToUtcDateTime(version.DecidedAt);
                for (var attempt = 0; attempt < MaxApplyAttempts; attempt++)
                {
                    var current = await context.ArticleComments.Find(Filter.Eq(d => d.Id, comment.Id))
                        .FirstOrDefaultAsync(token).ConfigureAwait(false);
                    if (current is null)
                    {
                        if (await context.TryInsertAsync(context.ArticleComments, applied, token).ConfigureAwait(false))
                        {
                            return true;
                        }

                        continue;
                    }

                    if (!version.IsLaterThan(current.Version))
                    {
                        return false;
                    }

                    if (!current.Removed || !visible)
                    {
                        applied.PublishedAt = current.PublishedAt;
                    }

                    var notOvertaken = Filter.Eq(d => d.Id, comment.Id) & !(
                        Filter.Gt(d => d.DecisionSequence, version.Sequence)
                        | (Filter.Eq(d => d.DecisionSequence, version.Sequence) & Filter.Gte(d => d.DecidedAt, applied.DecidedAt)));
                    var result = await context.ArticleComments.ReplaceOneAsync(notOvertaken, applied, cancellationToken: token)
                        .ConfigureAwait(false);
                    if (result.MatchedCount == 1)
                    {
                        return true;
                    }
                }

                throw new InvalidOperationException($"Comment {comment.Id} kept changing while a decision was applied to it.");
            },
            cancellationToken);

    /// <summary>Stores many comments in unordered batches; already stored ids are skipped. Returns how many it inserted.</summary>
    public Task<int> AddManyAsync(IReadOnlyList<PublishedComment> comments, CancellationToken cancellationToken = default) =>
        context.RunAsync(
            async token =>
            {
                try
                {
                    await context.ArticleComments.InsertManyAsync(
                        comments.Select(PublishedCommentDocument.From),
                        new InsertManyOptions { IsOrdered = false },
                        token).ConfigureAwait(false);
                    return comments.Count;
                }
                catch (MongoBulkWriteException<PublishedCommentDocument> exception)
                    when (exception.WriteErrors.All(error => error.Category == ServerErrorCategory.DuplicateKey)
                        && exception.WriteConcernError is null)
                {
                    return comments.Count - exception.WriteErrors.Count;
                }
            },
            cancellationToken);

    public Task<PublishedComment?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        context.RunAsync(
            async token =>
            {
                var document = await context.ArticleComments.Find(Filter.Eq(d => d.Id, id) & Filter.Ne(d => d.Removed, true))
                    .FirstOrDefaultAsync(token).ConfigureAwait(false);
                return document?.ToRecord();
            },
            cancellationToken);

    public Task<bool> SetHiddenAsync(Guid id, bool hidden, CancellationToken cancellationToken = default) =>
        context.RunAsync(
            async token =>
            {
                var result = await context.ArticleComments.UpdateOneAsync(
                    Filter.Eq(d => d.Id, id) & (hidden ? Filter.Ne(d => d.Hidden, true) : Filter.Eq(d => d.Hidden, true)),
                    Builders<PublishedCommentDocument>.Update.Set(d => d.Hidden, hidden),
                    cancellationToken: token).ConfigureAwait(false);
                return result.ModifiedCount == 1;
            },
            cancellationToken);

    public Task<CommentPage> ListAsync(
        string siteId,
        string articleId,
        CommentOrder order,
        int limit,
        CommentPageCursor? after,
        CancellationToken cancellationToken = default)
    {
        CommentPages.EnsureValidLimit(limit);
        var (filter, sort) = ListQuery(siteId, articleId, order, after);
        return context.RunAsync(
            async token =>
            {
                List<PublishedCommentDocument> documents;
                try
                {
                    documents = await Find(filter, sort, limit, hinted: true, token).ConfigureAwait(false);
                }
                catch (Exception exception) when (MongoErrors.IsMissingHintIndex(exception))
                {
                    // The read index is gone: answer from a plain query now, and build the index again behind it.
                    context.RecreateIndexesInBackground();
                    documents = await Find(filter, sort, limit, hinted: false, token).ConfigureAwait(false);
                }

                return CommentPages.FromFetched([.. documents.Select(d => d.ToRecord())], limit);
            },
            cancellationToken);
    }

    private Task<List<PublishedCommentDocument>> Find(
        FilterDefinition<PublishedCommentDocument> filter,
        SortDefinition<PublishedCommentDocument> sort,
        int limit,
        bool hinted,
        CancellationToken cancellationToken) =>
        context.ArticleComments
            .Find(filter, hinted ? new FindOptions { Hint = MongoDatabaseContext.ArticleReadIndex } : null)
            .Sort(sort)
            .Limit(limit + 1)
            .ToListAsync(cancellationToken);

    /// <summary>The server's query plan for <see cref="ListAsync"/>, so a test can check the index serves the order.</summary>
    internal Task<BsonDocument> ExplainListAsync(
        string siteId, string articleId, CommentOrder order, int limit, CommentPageCursor? after, CancellationToken cancellationToken)
    {
        var (filter, sort) = ListQuery(siteId, articleId, order, after);
        return MongoExplain.FindAsync(
            context.Database, context.ArticleComments, filter, sort, limit + 1, MongoDatabaseContext.ArticleReadIndex, cancellationToken);
    }

    /// <summary>
    /// Equality on (SiteId, ArticleId) then a range on PublishedAt keeps the scan inside the read index; the residual $or
    /// breaks ties on _id, so the index order is the page order and no in-memory sort is needed (hinted to be sure).
    /// </summary>
    private static (FilterDefinition<PublishedCommentDocument> Filter, SortDefinition<PublishedCommentDocument> Sort) ListQuery(
        string siteId, string articleId, CommentOrder order, CommentPageCursor? after)
    {
        var newestFirst = order == CommentOrder.NewestFirst;
        var filter = Filter.Eq(d => d.SiteId, siteId) & Filter.Eq(d => d.ArticleId, articleId) & Filter.Ne(d => d.Removed, true)
            & Filter.Ne(d => d.Hidden, true);
        if (after is not null)
        {
            var at = StoredTime.ToUtcDateTime(after.PublishedAt);
            filter &= newestFirst
                ? Filter.Lte(d => d.PublishedAt, at) & (Filter.Lt(d => d.PublishedAt, at) | Filter.Lt(d => d.Id, after.Id))
                : Filter.Gte(d => d.PublishedAt, at) & (Filter.Gt(d => d.PublishedAt, at) | Filter.Gt(d => d.Id, after.Id));
        }

        var sort = newestFirst
            ? Sort.Descending(d => d.PublishedAt).Descending(d => d.Id)
            : Sort.Ascending(d => d.PublishedAt).Ascending(d => d.Id);
        return (filter, sort);
    }
}
