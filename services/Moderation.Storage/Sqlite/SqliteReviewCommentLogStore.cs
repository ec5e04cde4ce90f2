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
        string siteId, string authorId, int offset, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        return database.RunAsync<IReadOnlyList<ReviewComment>>(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    """
                    SELECT * FROM review_comments WHERE site_id = @site AND author_id = @author
                    ORDER BY submitted_at DESC, comment_id DESC LIMIT @limit OFFSET @offset
                    """,
                    ("@site", siteId),
                    ("@author", authorId),
                    ("@limit", limit),
                    ("@offset", offset));
                return await command.ReadAllAsync(Read, token).ConfigureAwait(false);
            },
            cancellationToken);
    }

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
