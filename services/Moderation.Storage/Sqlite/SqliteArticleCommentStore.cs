using Microsoft.Data.Sqlite;
using Moderation.Storage.Publishing;

namespace Moderation.Storage.Sqlite;

internal sealed class SqliteArticleCommentStore(SqliteDatabase database) : IArticleCommentStore
{
    private const string InsertSql = """
        INSERT INTO article_comments (id, site_id, article_id, author_id, author_name, body, parent_id, published_at)
        VALUES (@id, @site, @article, @author, @name, @body, @parent, @published)
        ON CONFLICT (id) DO NOTHING
        """;

    // The decision applies only when it is later than the row's; a comment coming back into view gets a new place.
    private const string ApplySql = """
        INSERT INTO article_comments
            (id, site_id, article_id, author_id, author_name, body, parent_id, published_at, removed, decision_seq, decided_at)
        VALUES (@id, @site, @article, @author, @name, @body, @parent, @published, @removed, @seq, @decided)
        ON CONFLICT (id) DO UPDATE SET
            author_name = excluded.author_name,
            body = excluded.body,
            published_at = CASE WHEN article_comments.removed = 1 AND excluded.removed = 0
                                THEN excluded.published_at ELSE article_comments.published_at END,
            removed = excluded.removed,
            decision_seq = excluded.decision_seq,
            decided_at = excluded.decided_at
        WHERE (excluded.decision_seq, excluded.decided_at) > (article_comments.decision_seq, article_comments.decided_at)
        """;

    public Task<bool> AddAsync(PublishedComment comment, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(InsertSql);
                Bind(command, comment);
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
            },
            cancellationToken);

    public Task<bool> ApplyAsync(
        PublishedComment comment, bool visible, DecisionVersion version, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(ApplySql);
                Bind(command, comment);
                command.Parameters.AddWithValue("@removed", visible ? 0 : 1);
                command.Parameters.AddWithValue("@seq", version.Sequence);
                command.Parameters.AddWithValue("@decided", StoredTime.ToMilliseconds(version.DecidedAt));
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
            },
            cancellationToken);

    public Task ApplyManyAsync(IReadOnlyList<CommentDecisionToApply> decisions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        return database.RunAsync(
            async (connection, token) =>
            {
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(token).ConfigureAwait(false);
                await using var command = connection.Command(ApplySql);
                command.Transaction = transaction;
                foreach (var (comment, visible, version) in decisions)
                {
                    command.Parameters.Clear();
                    Bind(command, comment);
                    command.Parameters.AddWithValue("@removed", visible ? 0 : 1);
                    command.Parameters.AddWithValue("@seq", version.Sequence);
                    command.Parameters.AddWithValue("@decided", StoredTime.ToMilliseconds(version.DecidedAt));
                    await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                }

                await transaction.CommitAsync(token).ConfigureAwait(false);
                return decisions.Count;
            },
            cancellationToken);
    }

    /// <summary>
    /// Stores many comments in one transaction (a bulk import or a test seeding a large article); already stored ids are skipped.
    /// Returns how many it inserted.
    /// </summary>
    public Task<int> AddManyAsync(IReadOnlyList<PublishedComment> comments, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(token).ConfigureAwait(false);
                await using var command = connection.Command(InsertSql);
                command.Transaction = transaction;
                var inserted = 0;
                foreach (var comment in comments)
                {
                    command.Parameters.Clear();
                    Bind(command, comment);
                    inserted += await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                }

                await transaction.CommitAsync(token).ConfigureAwait(false);
                return inserted;
            },
            cancellationToken);

    public Task<PublishedComment?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command("SELECT * FROM article_comments WHERE id = @id AND removed = 0", ("@id", id.ToKey()));
                return await command.ReadSingleOrDefaultAsync(Read, token).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<bool> SetHiddenAsync(Guid id, bool hidden, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    "UPDATE article_comments SET hidden = @hidden WHERE id = @id AND hidden <> @hidden",
                    ("@id", id.ToKey()),
                    ("@hidden", hidden ? 1 : 0));
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
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
        return database.RunAsync(
            async (connection, token) =>
            {
                await using var command = ListCommand(connection, siteId, articleId, order, limit + 1, after);
                var fetched = await command.ReadAllAsync(Read, token).ConfigureAwait(false);
                return CommentPages.FromFetched(fetched, limit);
            },
            cancellationToken);
    }

    /// <summary>
    /// The page query. A row-value comparison on (published_at, id) lets SQLite seek in ix_article_comments_read
    /// and read it in order (backwards for newest first) instead of sorting. Internal so a test can check the plan.
    /// </summary>
    internal static SqliteCommand ListCommand(
        SqliteConnection connection, string siteId, string articleId, CommentOrder order, int fetch, CommentPageCursor? after)
    {
        var newestFirst = order == CommentOrder.NewestFirst;
        var seek = after is null ? string.Empty : newestFirst
            ? "AND (published_at, id) < (@after_at, @after_id)"
            : "AND (published_at, id) > (@after_at, @after_id)";
        var direction = newestFirst ? "DESC" : "ASC";
        var command = connection.Command(
            $"""
            SELECT * FROM article_comments
            WHERE site_id = @site AND article_id = @article AND removed = 0 AND hidden = 0 {seek}
            ORDER BY published_at {direction}, id {direction}
            LIMIT @fetch
            """,
            ("@site", siteId),
            ("@article", articleId),
            ("@fetch", fetch));
        if (after is not null)
        {
            command.Parameters.AddWithValue("@after_at", StoredTime.ToMilliseconds(after.PublishedAt));
            command.Parameters.AddWithValue("@after_id", after.Id.ToKey());
        }

        return command;
    }

    private static void Bind(SqliteCommand command, PublishedComment comment)
    {
        command.Parameters.AddWithValue("@id", comment.Id.ToKey());
        command.Parameters.AddWithValue("@site", comment.SiteId);
        command.Parameters.AddWithValue("@article", comment.ArticleId);
        command.Parameters.AddWithValue("@author", comment.AuthorId);
        command.Parameters.AddWithValue("@name", comment.AuthorName);
        command.Parameters.AddWithValue("@body", comment.Body);
        command.Parameters.AddWithValue("@parent", (object?)comment.ParentId?.ToKey() ?? DBNull.Value);
        command.Parameters.AddWithValue("@published", StoredTime.ToMilliseconds(comment.PublishedAt));
    }

    private static PublishedComment Read(SqliteDataReader reader) => new(
        reader.GetGuid("id"),
        reader.GetText("site_id"),
        reader.GetText("article_id"),
        reader.GetText("author_id"),
        reader.GetText("author_name"),
        reader.GetText("body"),
        reader.GetNullableString("parent_id") is { } parent ? Guid.Parse(parent) : null,
        reader.GetTime("published_at"));
}
