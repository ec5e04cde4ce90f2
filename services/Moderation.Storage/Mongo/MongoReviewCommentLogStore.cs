using Moderation.Storage.Mongo.Documents;
using Moderation.Storage.Review;
using MongoDB.Driver;

namespace Moderation.Storage.Mongo;

internal sealed class MongoReviewCommentLogStore(MongoDatabaseContext context) : IReviewCommentLogStore
{
    private static readonly FilterDefinitionBuilder<ReviewCommentDocument> Filter = Builders<ReviewCommentDocument>.Filter;

    private static readonly SortDefinitionBuilder<ReviewCommentDocument> Sort = Builders<ReviewCommentDocument>.Sort;

    private readonly IMongoCollection<ReviewCommentDocument> _comments =
        context.Database.GetCollection<ReviewCommentDocument>(MongoReviewIndexes.CommentsCollection);

    private readonly IMongoCollection<ReviewArticleDocument> _articles =
        context.Database.GetCollection<ReviewArticleDocument>(MongoReviewIndexes.ArticlesCollection);

    public Task<bool> RecordAsync(ReviewComment comment, CancellationToken cancellationToken = default) =>
        context.TryInsertAsync(_comments, ReviewCommentDocument.From(comment), cancellationToken);

    public Task<ReviewComment?> GetAsync(Guid commentId, CancellationToken cancellationToken = default) =>
        context.RunAsync(
            async token =>
            {
                var document = await _comments.Find(Filter.Eq(d => d.Id, commentId)).FirstOrDefaultAsync(token).ConfigureAwait(false);
                return document?.ToRecord();
            },
            cancellationToken);

    public Task<bool> SetOutcomeAsync(Guid commentId, ReviewCommentOutcome outcome, CancellationToken cancellationToken = default) =>
        context.RunAsync(
            async token =>
            {
                var result = await _comments.UpdateOneAsync(
                    Filter.Eq(d => d.Id, commentId),
                    Builders<ReviewCommentDocument>.Update.Set(d => d.Outcome, outcome),
                    cancellationToken: token).ConfigureAwait(false);
                return result.MatchedCount == 1;
            },
            cancellationToken);

    public Task<IReadOnlyList<ReviewComment>> ListByAuthorAsync(
        string siteId, string authorId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return context.RunAsync<IReadOnlyList<ReviewComment>>(
            async token =>
            {
                var documents = await _comments.Find(Filter.Eq(d => d.SiteId, siteId) & Filter.Eq(d => d.AuthorId, authorId))
                    .Sort(Builders<ReviewCommentDocument>.Sort.Descending(d => d.SubmittedAt).Descending(d => d.Id))
                    .Limit(limit)
                    .ToListAsync(token).ConfigureAwait(false);
                return [.. documents.Select(d => d.ToRecord())];
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<ReviewComment>> PageByAuthorAsync(
        string siteId, string authorId, int offset, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        return context.RunAsync<IReadOnlyList<ReviewComment>>(
            async token =>
            {
                var documents = await _comments.Find(Filter.Eq(d => d.SiteId, siteId) & Filter.Eq(d => d.AuthorId, authorId))
                    .Sort(Builders<ReviewCommentDocument>.Sort.Descending(d => d.SubmittedAt).Descending(d => d.Id))
                    .Skip(offset)
                    .Limit(limit)
                    .ToListAsync(token).ConfigureAwait(false);
                return [.. documents.Select(d => d.ToRecord())];
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<ReviewComment>> PageByArticleAsync(
        string siteId, string articleId, int offset, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        return FindAsync(
            Filter.Eq(d => d.SiteId, siteId) & Filter.Eq(d => d.ArticleId, articleId),
            Sort.Descending(d => d.SubmittedAt).Descending(d => d.Id), offset, limit, cancellationToken);
    }

    public Task<IReadOnlyList<ReviewComment>> ListRepliesAsync(
        string siteId, Guid parentId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return FindAsync(
            Filter.Eq(d => d.ParentId, parentId) & Filter.Eq(d => d.SiteId, siteId),
            Sort.Ascending(d => d.SubmittedAt).Ascending(d => d.Id), 0, limit, cancellationToken);
    }

    public async Task<IReadOnlyList<ReviewComment>> ListAroundAsync(ReviewComment comment, int each, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(each, 1);
        var article = Filter.Eq(d => d.SiteId, comment.SiteId) & Filter.Eq(d => d.ArticleId, comment.ArticleId);
        var at = StoredTime.ToUtcDateTime(comment.SubmittedAt);
        var before = await FindAsync(
            article & (Filter.Lt(d => d.SubmittedAt, at) | (Filter.Eq(d => d.SubmittedAt, at) & Filter.Lt(d => d.Id, comment.CommentId))),
            Sort.Descending(d => d.SubmittedAt).Descending(d => d.Id), 0, each, cancellationToken).ConfigureAwait(false);
        var after = await FindAsync(
            article & (Filter.Gt(d => d.SubmittedAt, at) | (Filter.Eq(d => d.SubmittedAt, at) & Filter.Gt(d => d.Id, comment.CommentId))),
            Sort.Ascending(d => d.SubmittedAt).Ascending(d => d.Id), 0, each, cancellationToken).ConfigureAwait(false);
        return [.. before.Reverse(), .. after];
    }

    public Task RecordArticleAsync(
        string siteId, string articleId, string? title, string? url, string? section, DateTimeOffset at,
        CancellationToken cancellationToken = default)
    {
        var when = StoredTime.ToUtcDateTime(at);
        var update = Builders<ReviewArticleDocument>.Update
            .SetOnInsert(d => d.SiteId, siteId).SetOnInsert(d => d.ArticleId, articleId).Set(d => d.ContextAt, when);
        update = title is null ? update : update.Set(d => d.Title, title);
        update = url is null ? update : update.Set(d => d.Url, url);
        update = section is null ? update : update.Set(d => d.Section, section);
        var article = Builders<ReviewArticleDocument>.Filter;
        return UpsertUnlessNewerAsync(
            article.Eq(d => d.Id, ReviewArticleDocument.Key(siteId, articleId))
                & (article.Eq(d => d.ContextAt, null) | article.Lte(d => d.ContextAt, when)),
            update, cancellationToken);
    }

    public Task SetArticleModeAsync(string siteId, string articleId, ReviewArticleMode mode, CancellationToken cancellationToken = default)
    {
        var when = StoredTime.ToUtcDateTime(mode.ChangedAt);
        var update = Builders<ReviewArticleDocument>.Update
            .SetOnInsert(d => d.SiteId, siteId).SetOnInsert(d => d.ArticleId, articleId)
            .Set(d => d.Mode, mode.Mode).Set(d => d.ModeReason, mode.Reason).Set(d => d.ModeChangedAt, when)
            .Set(d => d.ModeUntil, mode.Until is { } until ? StoredTime.ToUtcDateTime(until) : null);
        var article = Builders<ReviewArticleDocument>.Filter;
        return UpsertUnlessNewerAsync(
            article.Eq(d => d.Id, ReviewArticleDocument.Key(siteId, articleId))
                & (article.Eq(d => d.ModeChangedAt, null) | article.Lte(d => d.ModeChangedAt, when)),
            update, cancellationToken);
    }

    public Task<ReviewArticle?> GetArticleAsync(string siteId, string articleId, CancellationToken cancellationToken = default) =>
        context.RunAsync(
            async token =>
            {
                var document = await _articles.Find(Builders<ReviewArticleDocument>.Filter.Eq(d => d.Id, ReviewArticleDocument.Key(siteId, articleId)))
                    .FirstOrDefaultAsync(token).ConfigureAwait(false);
                return document?.ToRecord();
            },
            cancellationToken);

    public Task<ReviewAuthorCounts> CountByAuthorAsync(string siteId, string authorId, CancellationToken cancellationToken = default) =>
        context.RunAsync(
            async token =>
            {
                var author = Filter.Eq(d => d.SiteId, siteId) & Filter.Eq(d => d.AuthorId, authorId);
                var approved = await _comments.CountDocumentsAsync(author & Filter.Eq(d => d.Outcome, ReviewCommentOutcome.Approved), cancellationToken: token).ConfigureAwait(false);
                var flagged = await _comments.CountDocumentsAsync(author & Filter.Eq(d => d.Outcome, ReviewCommentOutcome.Flagged), cancellationToken: token).ConfigureAwait(false);
                var rejected = await _comments.CountDocumentsAsync(author & Filter.Eq(d => d.Outcome, ReviewCommentOutcome.Rejected), cancellationToken: token).ConfigureAwait(false);
                var last = await _comments.Find(author & Filter.Eq(d => d.Outcome, ReviewCommentOutcome.Rejected))
                    .Sort(Builders<ReviewCommentDocument>.Sort.Descending(d => d.SubmittedAt))
                    .Limit(1)
                    .FirstOrDefaultAsync(token).ConfigureAwait(false);
                return new ReviewAuthorCounts(approved, flagged, rejected, last is null ? null : StoredTime.FromUtcDateTime(last.SubmittedAt));
            },
            cancellationToken);

    private Task<IReadOnlyList<ReviewComment>> FindAsync(
        FilterDefinition<ReviewCommentDocument> filter, SortDefinition<ReviewCommentDocument> sort, int offset, int limit,
        CancellationToken cancellationToken) =>
        context.RunAsync<IReadOnlyList<ReviewComment>>(
            async token =>
            {
                var documents = await _comments.Find(filter).Sort(sort).Skip(offset).Limit(limit).ToListAsync(token).ConfigureAwait(false);
                return [.. documents.Select(d => d.ToRecord())];
            },
            cancellationToken);

    /// <summary>
    /// Updates the article when <paramref name="filter"/> (its key and "not newer") matches, else inserts it: a duplicate
    /// key then means it holds a newer value, and the update is dropped. A lost race of two first inserts is tried once more.
    /// </summary>
    private Task UpsertUnlessNewerAsync(
        FilterDefinition<ReviewArticleDocument> filter, UpdateDefinition<ReviewArticleDocument> update, CancellationToken cancellationToken) =>
        context.RunAsync(
            async token =>
            {
                for (var attempt = 0; ; attempt++)
                {
                    try
                    {
                        await _articles.UpdateOneAsync(filter, update, new UpdateOptions { IsUpsert = true }, token).ConfigureAwait(false);
                        return true;
                    }
                    catch (MongoException exception) when (MongoErrors.IsDuplicateKey(exception) && attempt == 0)
                    {
                    }
                    catch (MongoException exception) when (MongoErrors.IsDuplicateKey(exception))
                    {
                        return false;
                    }
                }
            },
            cancellationToken);
}
