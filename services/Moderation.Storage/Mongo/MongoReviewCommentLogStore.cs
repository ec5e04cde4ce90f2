using Moderation.Storage.Mongo.Documents;
using Moderation.Storage.Review;
using MongoDB.Driver;

namespace Moderation.Storage.Mongo;

internal sealed class MongoReviewCommentLogStore(MongoDatabaseContext context) : IReviewCommentLogStore
{
    private static readonly FilterDefinitionBuilder<ReviewCommentDocument> Filter = Builders<ReviewCommentDocument>.Filter;

    private readonly IMongoCollection<ReviewCommentDocument> _comments =
        context.Database.GetCollection<ReviewCommentDocument>(MongoReviewIndexes.CommentsCollection);

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
}
