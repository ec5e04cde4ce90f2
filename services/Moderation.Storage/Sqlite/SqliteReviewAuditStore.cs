using Microsoft.Data.Sqlite;
using Moderation.Storage.Review;

namespace Moderation.Storage.Sqlite;

internal sealed class SqliteReviewAuditStore(SqliteDatabase database) : IReviewAuditStore
{
    public Task<bool> AppendAsync(ReviewAuditEntry entry, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    """
                    INSERT INTO review_audit (id, site_id, comment_id, article_id, author_id, moderator, outcome, reason, note, rules, categories, at)
                    VALUES (@id, @site, @comment, @article, @author, @moderator, @outcome, @reason, @note, @rules, @categories, @at)
                    ON CONFLICT (id) DO NOTHING
                    """,
                    ("@id", entry.Id.ToKey()),
                    ("@site", entry.SiteId),
                    ("@comment", entry.CommentId.ToKey()),
                    ("@article", entry.ArticleId),
                    ("@author", entry.AuthorId),
                    ("@moderator", entry.Moderator),
                    ("@outcome", entry.Outcome.ToString()),
                    ("@reason", entry.Reason),
                    ("@note", entry.Note),
                    ("@rules", SqliteJson.Serialize(entry.Rules)),
                    ("@categories", SqliteJson.Serialize(entry.Categories)),
                    ("@at", StoredTime.ToMilliseconds(entry.At)));
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
            },
            cancellationToken);

    public Task<ReviewAuditPage> QueryAsync(ReviewAuditQuery query, CancellationToken cancellationToken = default)
    {
        query.EnsureValid();
        return database.RunAsync(
            async (connection, token) =>
            {
                var sql = "SELECT * FROM review_audit WHERE site_id IN (SELECT value FROM json_each(@sites))";
                if (query.Moderator is not null)
                {
                    sql += " AND moderator = @moderator";
                }

                if (query.AuthorId is not null)
                {
                    sql += " AND author_id = @author";
                }

                if (query.From is not null)
                {
                    sql += " AND at >= @from";
                }

                if (query.To is not null)
                {
                    sql += " AND at < @to";
                }

                if (query.Before is not null)
                {
                    sql += " AND (at, id) < (@before_at, @before_id)";
                }

                await using var command = connection.Command(
                    sql + " ORDER BY at DESC, id DESC LIMIT @fetch",
                    ("@sites", SqliteJson.Serialize(query.SiteIds)),
                    ("@moderator", query.Moderator),
                    ("@author", query.AuthorId),
                    ("@from", query.From is { } from ? StoredTime.ToMilliseconds(from) : null),
                    ("@to", query.To is { } to ? StoredTime.ToMilliseconds(to) : null),
                    ("@before_at", query.Before is { } before ? StoredTime.ToMilliseconds(before.At) : null),
                    ("@before_id", query.Before?.Id.ToKey()),
                    ("@fetch", query.Limit + 1));
                var fetched = await command.ReadAllAsync(Read, token).ConfigureAwait(false);
                return ReviewAuditPages.FromFetched(fetched, query.Limit);
            },
            cancellationToken);
    }

    private static ReviewAuditEntry Read(SqliteDataReader reader) => new(
        reader.GetGuid("id"),
        reader.GetText("site_id"),
        reader.GetGuid("comment_id"),
        reader.GetText("article_id"),
        reader.GetText("author_id"),
        reader.GetText("moderator"),
        reader.GetEnum<ReviewItemStatus>("outcome"),
        reader.GetNullableString("reason"),
        reader.GetNullableString("note"),
        SqliteJson.Deserialize<List<string>>(reader.GetText("rules")),
        SqliteJson.Deserialize<List<string>>(reader.GetText("categories")),
        reader.GetTime("at"));
}
