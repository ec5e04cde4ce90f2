using Moderation.Storage.Mongo.Documents;
using MongoDB.Driver;

namespace Moderation.Storage.Mongo;

/// <summary>The Review service's collections and their indexes, kept apart from the shared context.</summary>
internal static class MongoReviewIndexes
{
    public const string AccountsCollection = "moderator_accounts";
    public const string TokensCollection = "moderator_tokens";
    public const string AuditCollection = "review_audit";
    public const string CommentsCollection = "review_comments";
    public const string SessionsCollection = "moderator_sessions";
    public const string ArticlesCollection = "review_articles";
    public const string BulkActionsCollection = "review_bulk_actions";

    public static async Task CreateAsync(IMongoDatabase database, CancellationToken cancellationToken)
    {
        await database.GetCollection<ModeratorTokenDocument>(TokensCollection).Indexes.CreateOneAsync(
            new CreateIndexModel<ModeratorTokenDocument>(
                Builders<ModeratorTokenDocument>.IndexKeys.Ascending(d => d.TokenHash),
                new CreateIndexOptions { Name = "TokenHash_unique", Unique = true }),
            cancellationToken: cancellationToken).ConfigureAwait(false);

        await database.GetCollection<ModeratorSessionDocument>(SessionsCollection).Indexes.CreateOneAsync(
            new CreateIndexModel<ModeratorSessionDocument>(
                Builders<ModeratorSessionDocument>.IndexKeys.Ascending(d => d.Username), new CreateIndexOptions { Name = "Username" }),
            cancellationToken: cancellationToken).ConfigureAwait(false);

        var audit = Builders<ReviewAuditDocument>.IndexKeys;
        await database.GetCollection<ReviewAuditDocument>(AuditCollection).Indexes.CreateManyAsync(
            [
                new CreateIndexModel<ReviewAuditDocument>(
                    audit.Ascending(d => d.SiteId).Descending(d => d.At).Descending(d => d.Id),
                    new CreateIndexOptions { Name = "SiteId_At_Id" }),
                new CreateIndexModel<ReviewAuditDocument>(
                    audit.Ascending(d => d.Moderator).Descending(d => d.At).Descending(d => d.Id),
                    new CreateIndexOptions { Name = "Moderator_At_Id" }),
            ],
            cancellationToken).ConfigureAwait(false);

        await database.GetCollection<ReviewCommentDocument>(CommentsCollection).Indexes.CreateOneAsync(
            new CreateIndexModel<ReviewCommentDocument>(
                Builders<ReviewCommentDocument>.IndexKeys
                    .Ascending(d => d.SiteId).Ascending(d => d.AuthorId).Descending(d => d.SubmittedAt).Descending(d => d.Id),
                new CreateIndexOptions { Name = "SiteId_AuthorId_SubmittedAt_Id" }),
            cancellationToken: cancellationToken).ConfigureAwait(false);

        var comments = Builders<ReviewCommentDocument>.IndexKeys;
        await database.GetCollection<ReviewCommentDocument>(CommentsCollection).Indexes.CreateManyAsync(
            [
                new CreateIndexModel<ReviewCommentDocument>(
                    comments.Ascending(d => d.SiteId).Ascending(d => d.ArticleId).Descending(d => d.SubmittedAt).Descending(d => d.Id),
                    new CreateIndexOptions { Name = "SiteId_ArticleId_SubmittedAt_Id" }),
                new CreateIndexModel<ReviewCommentDocument>(
                    comments.Ascending(d => d.ParentId).Ascending(d => d.SubmittedAt),
                    new CreateIndexOptions { Name = "ParentId_SubmittedAt" }),
            ],
            cancellationToken).ConfigureAwait(false);
    }
}
