using System.Globalization;
using Moderation.Contracts;
using Moderation.Storage.Mongo.Documents;
using Moderation.Storage.Stats;
using MongoDB.Driver;

namespace Moderation.Storage.Mongo;

/// <summary>
/// Streams the range's status documents (site and time index) and counts them here, so it
/// needs nothing beyond find from the server; the reported comments are the distinct ids of the site's reports.
/// </summary>
internal sealed class MongoSiteStatsStore(MongoDatabaseContext context) : ISiteStatsStore
{
    public Task<IReadOnlyList<StatsRow>> CountAsync(
        string siteId, DateTimeOffset from, DateTimeOffset to, StatsGrouping by, CancellationToken cancellationToken = default) =>
        context.RunAsync<IReadOnlyList<StatsRow>>(
            async token =>
            {
                var reported = new HashSet<Guid>(await context.CommentReports
                    .Find(Builders<CommentReportDocument>.Filter.Eq(d => d.SiteId, siteId)
                        & Builders<CommentReportDocument>.Filter.Gte(d => d.ReportedAt, StoredTime.ToUtcDateTime(from)))
                    .Project(d => d.CommentId)
                    .ToListAsync(token).ConfigureAwait(false));

                var filter = Builders<CommentStatusDocument>.Filter;
                var counts = new SortedDictionary<string, long[]>(StringComparer.Ordinal);
                using var cursor = await context.CommentStatus
                    .Find(filter.Eq(d => d.SiteId, siteId)
                        & filter.Gte(d => d.SubmittedAt, StoredTime.ToUtcDateTime(from))
                        & filter.Lt(d => d.SubmittedAt, StoredTime.ToUtcDateTime(to)))
                    .ToCursorAsync(token).ConfigureAwait(false);
                while (await cursor.MoveNextAsync(token).ConfigureAwait(false))
                {
                    foreach (var document in cursor.Current)
                    {
                        var status = (document.Id, document.ArticleId, document.SubmittedAt, Outcome: document.Decision?.Outcome, Decided: document.Review is not null);
                        var key = by == StatsGrouping.Article
                            ? status.ArticleId
                            : status.SubmittedAt.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                        if (!counts.TryGetValue(key, out var row))
                        {
                            counts[key] = row = new long[6];
                        }

                        row[0]++;
                        row[1] += status.Outcome == DecisionOutcome.Approve ? 1 : 0;
                        row[2] += status.Outcome == DecisionOutcome.Flag ? 1 : 0;
                        row[3] += status.Outcome == DecisionOutcome.Reject ? 1 : 0;
                        row[4] += reported.Contains(status.Id) ? 1 : 0;
                        row[5] += status.Decided ? 1 : 0;
                    }
                }

                return [.. counts.Select(pair => new StatsRow(pair.Key, pair.Value[0], pair.Value[1], pair.Value[2], pair.Value[3], pair.Value[4], pair.Value[5]))];
            },
            cancellationToken);
}
