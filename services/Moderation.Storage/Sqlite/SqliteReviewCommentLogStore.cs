using Microsoft.Data.Sqlite;
using Moderation.Storage.Review;

namespace Moderation.Storage.Sqlite;

internal sealed class SqliteReviewCommentLogStore(SqliteDatabase database) : IReviewCommentLogStore
{
    public Task<bool> RecordAsync(ReviewComment comment, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    """
                    INSERT INTO review_comments (comment_id, site_id, article_id, author_id, author_name, body, parent_id, submitted_at, outcome)
                    VALUES (@id, @site, @article, @author, @name, @body, @parent, @submitted, @outcome)
                    ON CONFLICT (comment_id) DO NOTHING
                    """,
                    ("@id", comment.CommentId.ToKey()),
                    ("@site", comment.SiteId),
                    ("@article", comment.ArticleId),
                    ("@author", comment.AuthorId),
                    ("@name", comment.AuthorName),
                    ("@body", comment.Body),
                    ("@parent", comment.ParentId?.ToKey()),
                    ("@submitted", StoredTime.ToMilliseconds(comment.SubmittedAt)),
                    ("@outcome", comment.Outcome.ToString()));
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
            },
            cancellationToken);

    public Task<ReviewComment?> GetAsync(Guid commentId, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    "SELECT * FROM review_comments WHERE comment_id = @id", ("@id", commentId.ToKey()));
                return await command.ReadSingleOrDefaultAsync(Read, token).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<bool> SetOutcomeAsync(Guid commentId, ReviewCommentOutcome outcome, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    "UPDATE review_comments SET outcome = @outcome WHERE comment_id = @id",
                    ("@id", commentId.ToKey()),
                    ("@outcome", outcome.ToString()));
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
            },
            cancellationToken);

    public Task<IReadOnlyList<ReviewComment>> ListByAuthorAsync(
        string siteId, string authorId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return database.RunAsync<IReadOnlyList<ReviewComment>>(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    """
                    SELECT * FROM review_comments WHERE site_id = @site AND author_id = @author
                    ORDER BY submitted_at DESC, comment_id DESC LIMIT @limit
                    """,
                    ("@site", siteId),
                    ("@author", authorId),
                    ("@limit", limit));
                return await command.ReadAllAsync(Read, token).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<ReviewComment>> PageByAuthorAsync(
        string siteId, string authorId, int offset, int limit, CancellationToken cancellationToken = default) =>
        PageAsync(siteId, "author_id", authorId, offset, limit, cancellationToken);

    public Task<IReadOnlyList<ReviewComment>> PageByArticleAsync(
        string siteId, string articleId, int offset, int limit, CancellationToken cancellationToken = default) =>
        PageAsync(siteId, "article_id", articleId, offset, limit, cancellationToken);

    /// <summary>A site's comments with <paramref name="column"/> (a column name of this class, never input) equal to
    /// <paramref name="value"/>, newest first.</summary>
    private Task<IReadOnlyList<ReviewComment>> PageAsync(
        string siteId, string column, string value, int offset, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        return database.RunAsync<IReadOnlyList<ReviewComment>>(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    $"""
                    SELECT * FROM review_comments WHERE site_id = @site AND {column} = @value
                    ORDER BY submitted_at DESC, comment_id DESC LIMIT @limit OFFSET @offset
                    """,
                    ("@site", siteId),
                    ("@value", value),
                    ("@limit", limit),
                    ("@offset", offset));
                return await command.ReadAllAsync(Read, token).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<ReviewComment>> ListRepliesAsync(
        string siteId, Guid parentId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return database.RunAsync<IReadOnlyList<ReviewComment>>(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    """
                    SELECT * FROM review_comments WHERE parent_id = @parent AND site_id = @site
                    ORDER BY submitted_at, comment_id LIMIT @limit
                    """,
                    ("@site", siteId),
                    ("@parent", parentId.ToKey()),
                    ("@limit", limit));
                return await command.ReadAllAsync(Read, token).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<ReviewComment>> ListAroundAsync(ReviewComment comment, int each, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(each, 1);
        return database.RunAsync<IReadOnlyList<ReviewComment>>(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    """
                    SELECT * FROM (
                        SELECT * FROM review_comments WHERE site_id = @site AND article_id = @article
                            AND (submitted_at < @at OR (submitted_at = @at AND comment_id < @id))
                        ORDER BY submitted_at DESC, comment_id DESC LIMIT @each)
                    UNION ALL
                    SELECT * FROM (
                        SELECT * FROM review_comments WHERE site_id = @site AND article_id = @article
                            AND (submitted_at > @at OR (submitted_at = @at AND comment_id > @id))
                        ORDER BY submitted_at, comment_id LIMIT @each)
                    ORDER BY submitted_at, comment_id
                    """,
                    ("@site", comment.SiteId),
                    ("@article", comment.ArticleId),
                    ("@at", StoredTime.ToMilliseconds(comment.SubmittedAt)),
                    ("@id", comment.CommentId.ToKey()),
                    ("@each", each));
                return await command.ReadAllAsync(Read, token).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public Task RecordArticleAsync(
        string siteId, string articleId, string? title, string? url, string? section, DateTimeOffset at,
        CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    """
                    INSERT INTO review_articles (site_id, article_id, title, url, section, context_at)
                    VALUES (@site, @article, @title, @url, @section, @at)
                    ON CONFLICT (site_id, article_id) DO UPDATE SET
                        title = COALESCE(excluded.title, title), url = COALESCE(excluded.url, url),
                        section = COALESCE(excluded.section, section), context_at = excluded.context_at
                    WHERE context_at IS NULL OR excluded.context_at >= context_at
                    """,
                    ("@site", siteId),
                    ("@article", articleId),
                    ("@title", title),
                    ("@url", url),
                    ("@section", section),
                    ("@at", StoredTime.ToMilliseconds(at)));
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken);

    public Task SetArticleModeAsync(string siteId, string articleId, ReviewArticleMode mode, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    """
                    INSERT INTO review_articles (site_id, article_id, mode, mode_reason, mode_changed_at, mode_until)
                    VALUES (@site, @article, @mode, @reason, @at, @until)
                    ON CONFLICT (site_id, article_id) DO UPDATE SET
                        mode = excluded.mode, mode_reason = excluded.mode_reason,
                        mode_changed_at = excluded.mode_changed_at, mode_until = excluded.mode_until
                    WHERE mode_changed_at IS NULL OR excluded.mode_changed_at >= mode_changed_at
                    """,
                    ("@site", siteId),
                    ("@article", articleId),
                    ("@mode", mode.Mode),
                    ("@reason", mode.Reason),
                    ("@at", StoredTime.ToMilliseconds(mode.ChangedAt)),
                    ("@until", mode.Until is { } until ? StoredTime.ToMilliseconds(until) : null));
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<ReviewArticle?> GetArticleAsync(string siteId, string articleId, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    "SELECT * FROM review_articles WHERE site_id = @site AND article_id = @article",
                    ("@site", siteId),
                    ("@article", articleId));
                return await command.ReadSingleOrDefaultAsync(ReadArticle, token).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<ReviewAuthorCounts> CountByAuthorAsync(string siteId, string authorId, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    """
                    SELECT COALESCE(SUM(outcome = 'Approved'), 0) AS approved, COALESCE(SUM(outcome = 'Flagged'), 0) AS flagged,
                           COALESCE(SUM(outcome = 'Rejected'), 0) AS rejected,
                           MAX(CASE WHEN outcome = 'Rejected' THEN submitted_at END) AS last_rejected
                    FROM review_comments WHERE site_id = @site AND author_id = @author
                    """,
                    ("@site", siteId),
                    ("@author", authorId));
                var counts = await command.ReadAllAsync(
                    reader => new ReviewAuthorCounts(
                        reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetTime("last_rejected")),
                    token).ConfigureAwait(false);
                return counts[0];
            },
            cancellationToken);

    private static ReviewArticle ReadArticle(SqliteDataReader reader) => new(
        reader.GetText("site_id"),
        reader.GetText("article_id"),
        reader.GetNullableString("title"),
        reader.GetNullableString("url"),
        reader.GetNullableString("section"),
        reader.IsDBNull(reader.GetOrdinal("context_at")) ? null : reader.GetTime("context_at"),
        reader.GetNullableString("mode") is { } mode
            ? new ReviewArticleMode(
                mode,
                reader.GetText("mode_reason"),
                reader.GetTime("mode_changed_at"),
                reader.IsDBNull(reader.GetOrdinal("mode_until")) ? null : reader.GetTime("mode_until"))
            : null);

    private static ReviewComment Read(SqliteDataReader reader) => new(
        reader.GetGuid("comment_id"),
        reader.GetText("site_id"),
        reader.GetText("article_id"),
        reader.GetText("author_id"),
        reader.GetText("author_name"),
        reader.GetText("body"),
        reader.GetNullableString("parent_id") is { } parent ? Guid.Parse(parent) : null,
        reader.GetTime("submitted_at"),
        reader.GetEnum<ReviewCommentOutcome>("outcome"));
}
