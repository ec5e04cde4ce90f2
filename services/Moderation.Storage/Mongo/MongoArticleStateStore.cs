using System.Globalization;
using Moderation.Storage.Articles;
using Moderation.Storage.Mongo.Documents;
using MongoDB.Driver;

namespace Moderation.Storage.Mongo;

internal sealed class MongoArticleStateStore(MongoDatabaseContext context) : IArticleStateStore
{
    private static readonly FilterDefinitionBuilder<ArticleStateDocument> Filter = Builders<ArticleStateDocument>.Filter;
    private static readonly UpdateDefinitionBuilder<ArticleStateDocument> Update = Builders<ArticleStateDocument>.Update;

    public Task<ArticleState> GetAsync(string siteId, string articleId, CancellationToken cancellationToken = default) =>
        context.RunAsync(
            async token =>
            {
                var document = await context.ArticleStates.Find(Filter.Eq(d => d.Id, ArticleStateDocument.Key(siteId, articleId)))
                    .FirstOrDefaultAsync(token).ConfigureAwait(false);
                return document?.ToRecord() ?? new ArticleState(siteId, articleId);
            },
            cancellationToken);

    public Task<ArticleState> SetEditorModeAsync(
        string siteId, string articleId, ArticleMode? mode, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        context.RunAsync(
            async token =>
            {
                var document = await context.ArticleStates.FindOneAndUpdateAsync(
                    Filter.Eq(d => d.Id, ArticleStateDocument.Key(siteId, articleId)),
                    Inserting(siteId, articleId)
                        .Set(d => d.EditorMode, mode)
                        .Set(d => d.EditorModeSetAt, StoredTime.ToUtcDateTime(at)),
                    new FindOneAndUpdateOptions<ArticleStateDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.After },
                    token).ConfigureAwait(false);
                return document.ToRecord();
            },
            cancellationToken);

    public Task<SubmissionCount> CountSubmissionAsync(
        string siteId, string articleId, DateTimeOffset at, int surgeAbove, TimeSpan quietPeriod, CancellationToken cancellationToken = default) =>
        context.RunAsync(
            async token =>
            {
                var minute = StoredTime.ToMilliseconds(at) / 60_000 * 60_000;
                var counted = await RetryingUpsertAsync(() => context.ArticleMinutes.FindOneAndUpdateAsync(
                    Builders<ArticleMinuteDocument>.Filter.Eq(d => d.Id, $"{siteId}/{articleId}/{minute.ToString(CultureInfo.InvariantCulture)}"),
                    Builders<ArticleMinuteDocument>.Update
                        .Inc(d => d.Count, 1)
                        .SetOnInsert(d => d.Minute, StoredTime.ToUtcDateTime(StoredTime.FromMilliseconds(minute))),
                    new FindOneAndUpdateOptions<ArticleMinuteDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.After },
                    token)).ConfigureAwait(false);

                var surging = surgeAbove > 0 && counted.Count > surgeAbove;
                var update = Inserting(siteId, articleId).Min(d => d.FirstCommentAt, StoredTime.ToUtcDateTime(at));
                if (surging)
                {
                    update = update.Max(d => d.SurgeUntil, StoredTime.ToUtcDateTime(at + quietPeriod));
                }

                var before = (await RetryingUpsertAsync(() => context.ArticleStates.FindOneAndUpdateAsync(
                    Filter.Eq(d => d.Id, ArticleStateDocument.Key(siteId, articleId)),
                    update,
                    new FindOneAndUpdateOptions<ArticleStateDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.Before },
                    token)).ConfigureAwait(false))?.ToRecord() ?? new ArticleState(siteId, articleId);

                var until = surging ? Later(before.SurgeUntil, StoredTime.Truncate(at + quietPeriod)) : before.SurgeUntil;
                var after = before with { FirstCommentAt = before.FirstCommentAt ?? StoredTime.Truncate(at), SurgeUntil = until };
                return new SubmissionCount(after, counted.Count, surging && !(before.SurgeUntil > at));
            },
            cancellationToken);

    public Task<IReadOnlyList<ArticleState>> ListEndedSurgesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default) =>
        context.RunAsync<IReadOnlyList<ArticleState>>(
            async token =>
            {
                var documents = await context.ArticleStates
                    .Find(Filter.Ne(d => d.SurgeUntil, null) & Filter.Lte(d => d.SurgeUntil, StoredTime.ToUtcDateTime(now)))
                    .Sort(Builders<ArticleStateDocument>.Sort.Ascending(d => d.SurgeUntil))
                    .Limit(limit)
                    .ToListAsync(token).ConfigureAwait(false);
                return [.. documents.Select(d => d.ToRecord())];
            },
            cancellationToken);

    public Task<bool> ClearSurgeAsync(string siteId, string articleId, DateTimeOffset surgeUntil, CancellationToken cancellationToken = default) =>
        context.RunAsync(
            async token =>
            {
                var result = await context.ArticleStates.UpdateOneAsync(
                    Filter.Eq(d => d.Id, ArticleStateDocument.Key(siteId, articleId)) & Filter.Eq(d => d.SurgeUntil, StoredTime.ToUtcDateTime(surgeUntil)),
                    Update.Set(d => d.SurgeUntil, null),
                    cancellationToken: token).ConfigureAwait(false);
                return result.ModifiedCount == 1;
            },
            cancellationToken);

    public Task<long> PruneCountsAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        context.RunAsync(
            async token =>
            {
                var result = await context.ArticleMinutes.DeleteManyAsync(
                    Builders<ArticleMinuteDocument>.Filter.Lt(d => d.Minute, StoredTime.ToUtcDateTime(before)), token).ConfigureAwait(false);
                return result.DeletedCount;
            },
            cancellationToken);

    /// <summary>
    /// Two upserts of a new key at once can both try the insert; the loser gets a duplicate key error, and trying again
    /// finds the winner's document and updates it (MongoDB's documented advice for concurrent upserts).
    /// </summary>
    private static async Task<T> RetryingUpsertAsync<T>(Func<Task<T>> upsert)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await upsert().ConfigureAwait(false);
            }
            catch (MongoException exception) when (attempt < 3 && MongoErrors.IsDuplicateKey(exception))
            {
            }
        }
    }

    private static UpdateDefinition<ArticleStateDocument> Inserting(string siteId, string articleId) =>
        Update.SetOnInsert(d => d.SiteId, siteId).SetOnInsert(d => d.ArticleId, articleId);

    private static DateTimeOffset Later(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;
}
