using Microsoft.Data.Sqlite;
using Moderation.Storage.Erasure;

namespace Moderation.Storage.Sqlite;

/// <summary>Erasure on one owner's tables, in one transaction.</summary>
internal sealed class SqliteAuthorErasureStore(SqliteDatabase database) : IAuthorErasureStore
{
    public Task RecordAsync(string siteId, string authorId, DateTimeOffset erasedAt, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    "INSERT INTO erased_authors (key, erased_at) VALUES (@key, @at) ON CONFLICT (key) DO NOTHING",
                    ("@key", AuthorErasureKey.For(siteId, authorId)),
                    ("@at", StoredTime.ToMilliseconds(erasedAt)));
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<bool> IsErasedAsync(string siteId, string authorId, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(
                    "SELECT 1 FROM erased_authors WHERE key = @key", ("@key", AuthorErasureKey.For(siteId, authorId)));
                return await command.ExecuteScalarAsync(token).ConfigureAwait(false) is not null;
            },
            cancellationToken);

    public Task<long> CountErasedAsync(CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command("SELECT COUNT(*) FROM erased_authors");
                return (long)(await command.ExecuteScalarAsync(token).ConfigureAwait(false))!;
            },
            cancellationToken);

    public Task<IReadOnlyCollection<string>> ListErasedAsync(CancellationToken cancellationToken = default) =>
        database.RunAsync<IReadOnlyCollection<string>>(
            async (connection, token) =>
            {
                var keys = new List<string>();
                await using var command = connection.Command("SELECT key FROM erased_authors");
                await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                while (await reader.ReadAsync(token).ConfigureAwait(false))
                {
                    keys.Add(reader.GetString(0));
                }

                return keys;
            },
            cancellationToken);

    public Task EraseAsync(string siteId, string authorId, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            async (connection, token) =>
            {
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(token).ConfigureAwait(false);
                await using (var command = connection.Command(
                    StatementsFor(database.Owner),
                    ("@site", siteId),
                    ("@author", authorId),
                    ("@tombstone", AuthorErasureKey.Tombstone(siteId, authorId))))
                {
                    command.Transaction = transaction;
                    await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                }

                await transaction.CommitAsync(token).ConfigureAwait(false);
                return 0;
            },
            cancellationToken);

    // Comment status rows stay, without the author's id or the decision's matched text, so the site's counts still add
    // up; a published comment stays as an empty, removed placeholder its replies still point at, with a decision
    // version nothing can pass, so no late approval brings it back. The audit keeps each decision with the id replaced.
    private static string StatementsFor(StoreOwner owner) => owner switch
    {
        StoreOwner.Ingestion => """
            DELETE FROM idempotency_keys WHERE comment_id IN (SELECT id FROM comment_status WHERE site_id = @site AND author_id = @author);
            UPDATE comment_status SET author_id = @tombstone, decision = NULL, review = NULL, outbox = NULL, outbox_due_at = NULL
            WHERE site_id = @site AND author_id = @author;
            DELETE FROM author_history WHERE site_id = @site AND author_id = @author;
            DELETE FROM comment_reports WHERE site_id = @site AND reporter_id = @author;
            """,
        StoreOwner.Worker => """
            DELETE FROM author_activity WHERE site_id = @site AND author_id = @author;
            DELETE FROM author_standing WHERE site_id = @site AND author_id = @author;
            """,
        StoreOwner.Publishing => """
            UPDATE article_comments
            SET author_id = @tombstone, author_name = '', body = '', removed = 1, decision_seq = 9223372036854775807
            WHERE site_id = @site AND author_id = @author;
            """,
        StoreOwner.Review => """
            DELETE FROM review_queue WHERE site_id = @site AND json_extract(comment, '$.author.id') = @author;
            DELETE FROM review_comments WHERE site_id = @site AND author_id = @author;
            UPDATE review_audit SET author_id = @tombstone, note = CASE WHEN note IS NULL THEN NULL ELSE '[erased]' END
            WHERE site_id = @site AND author_id = @author;
            """,
        _ => throw new ArgumentOutOfRangeException(nameof(owner), owner, "Unknown store owner."),
    };
}
