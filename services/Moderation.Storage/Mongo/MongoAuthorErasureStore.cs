using Moderation.Storage.Erasure;
using Moderation.Storage.Mongo.Documents;
using MongoDB.Driver;

namespace Moderation.Storage.Mongo;

/// <summary>
/// Erasure on one owner's collections. Each step is idempotent, so a retried or redelivered erasure finishes what an
/// interrupted one began (MongoDB gives no transaction across collections without a replica set).
/// </summary>
internal sealed class MongoAuthorErasureStore(MongoDatabaseContext context) : IAuthorErasureStore
{
    private readonly IMongoCollection<ErasedAuthorDocument> _erased =
        context.Database.GetCollection<ErasedAuthorDocument>("erased_authors");

    public Task RecordAsync(string siteId, string authorId, DateTimeOffset erasedAt, CancellationToken cancellationToken = default) =>
        context.TryInsertAsync(
            _erased,
            new ErasedAuthorDocument { Id = AuthorErasureKey.For(siteId, authorId), ErasedAt = StoredTime.ToUtcDateTime(erasedAt) },
            cancellationToken);

    public Task<bool> IsErasedAsync(string siteId, string authorId, CancellationToken cancellationToken = default) =>
        context.RunAsync(
            async token => await _erased.Find(Builders<ErasedAuthorDocument>.Filter.Eq(d => d.Id, AuthorErasureKey.For(siteId, authorId)))
                .AnyAsync(token).ConfigureAwait(false),
            cancellationToken);

    public Task<long> CountErasedAsync(CancellationToken cancellationToken = default) =>
        context.RunAsync(
            token => _erased.CountDocumentsAsync(Builders<ErasedAuthorDocument>.Filter.Empty, cancellationToken: token),
            cancellationToken);

    public Task<IReadOnlyCollection<string>> ListErasedAsync(CancellationToken cancellationToken = default) =>
        context.RunAsync<IReadOnlyCollection<string>>(
            async token => await _erased.Find(Builders<ErasedAuthorDocument>.Filter.Empty).Project(d => d.Id).ToListAsync(token).ConfigureAwait(false),
            cancellationToken);

    public Task EraseAsync(string siteId, string authorId, CancellationToken cancellationToken = default) =>
        context.RunAsync(
            async token =>
            {
                var tombstone = AuthorErasureKey.Tombstone(siteId, authorId);
                switch (context.Owner)
                {
                    case StoreOwner.Ingestion:
                        await EraseIngestionAsync(siteId, authorId, tombstone, token).ConfigureAwait(false);
                        break;
                    case StoreOwner.Worker:
                        await context.AuthorActivity.DeleteManyAsync(
                            d => d.SiteId == siteId && d.AuthorId == authorId, token).ConfigureAwait(false);
                        await context.Database.GetCollection<AuthorStandingDocument>("author_standing").DeleteManyAsync(
                            d => d.SiteId == siteId && d.AuthorId == authorId, token).ConfigureAwait(false);
                        break;
                    case StoreOwner.Publishing:
                        await context.ArticleComments.UpdateManyAsync(
                            d => d.SiteId == siteId && d.AuthorId == authorId,
                            Builders<PublishedCommentDocument>.Update
                                .Set(d => d.AuthorId, tombstone)
                                .Set(d => d.AuthorName, "")
                                .Set(d => d.Body, "")
                                .Set(d => d.Removed, true)
                                .Set(d => d.DecisionSequence, long.MaxValue),
                            cancellationToken: token).ConfigureAwait(false);
                        break;
                    case StoreOwner.Review:
                        await EraseReviewAsync(siteId, authorId, tombstone, token).ConfigureAwait(false);
                        break;
                    default:
                        throw new InvalidOperationException($"Unknown store owner {context.Owner}.");
                }

                return 0;
            },
            cancellationToken);

    private async Task EraseIngestionAsync(string siteId, string authorId, string tombstone, CancellationToken token)
    {
        var ids = await context.CommentStatus.Find(d => d.SiteId == siteId && d.AuthorId == authorId)
            .Project(d => d.Id).ToListAsync(token).ConfigureAwait(false);
        if (ids.Count > 0)
        {
            await context.Idempotency.DeleteManyAsync(
                Builders<IdempotencyDocument>.Filter.In(d => d.CommentId, ids), token).ConfigureAwait(false);
        }

        await context.CommentStatus.UpdateManyAsync(
            d => d.SiteId == siteId && d.AuthorId == authorId,
            Builders<CommentStatusDocument>.Update
                .Set(d => d.AuthorId, tombstone)
                .Set(d => d.Decision, null)
                .Set(d => d.Review, null)
                .Set(d => d.Outbox, null)
                .Set(d => d.OutboxDueAt, null),
            cancellationToken: token).ConfigureAwait(false);
        await context.AuthorHistory.DeleteManyAsync(d => d.SiteId == siteId && d.AuthorId == authorId, token).ConfigureAwait(false);
        await context.CommentReports.DeleteManyAsync(d => d.SiteId == siteId && d.ReporterId == authorId, token).ConfigureAwait(false);
    }

    private async Task EraseReviewAsync(string siteId, string authorId, string tombstone, CancellationToken token)
    {
        await context.ReviewQueue.DeleteManyAsync(d => d.SiteId == siteId && d.Comment.AuthorId == authorId, token).ConfigureAwait(false);
        await context.Database.GetCollection<ReviewCommentDocument>(MongoReviewIndexes.CommentsCollection).DeleteManyAsync(
            d => d.SiteId == siteId && d.AuthorId == authorId, token).ConfigureAwait(false);
        var audit = context.Database.GetCollection<ReviewAuditDocument>(MongoReviewIndexes.AuditCollection);
        await audit.UpdateManyAsync(
            d => d.SiteId == siteId && d.AuthorId == authorId && d.Note != null,
            Builders<ReviewAuditDocument>.Update.Set(d => d.Note, "[erased]"),
            cancellationToken: token).ConfigureAwait(false);
        await audit.UpdateManyAsync(
            d => d.SiteId == siteId && d.AuthorId == authorId,
            Builders<ReviewAuditDocument>.Update.Set(d => d.AuthorId, tombstone),
            cancellationToken: token).ConfigureAwait(false);
    }
}
