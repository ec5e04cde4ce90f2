using Microsoft.Data.Sqlite;
using Moderation.Contracts;
using Moderation.Storage.Publishing;
using Moderation.Storage.Review;
using Moderation.Storage.Sqlite;
using Moderation.Storage.Tests.Fixtures;

namespace Moderation.Storage.Tests.Sqlite;

/// <summary>A file written by an earlier version (no decision columns, no outbox or audit in the queue, the old queue index) opens and works.</summary>
public sealed class SqliteUpgradeTests(SqliteFileFixture file) : IClassFixture<SqliteFileFixture>
{
    private const string PreviousSchema = """
        CREATE TABLE article_comments (
            id TEXT NOT NULL PRIMARY KEY, site_id TEXT NOT NULL, article_id TEXT NOT NULL, author_id TEXT NOT NULL,
            author_name TEXT NOT NULL, body TEXT NOT NULL, parent_id TEXT NULL, published_at INTEGER NOT NULL);
        CREATE INDEX ix_article_comments_read ON article_comments (site_id, article_id, published_at, id);
        CREATE TABLE review_queue (
            comment_id TEXT NOT NULL PRIMARY KEY, site_id TEXT NOT NULL, status TEXT NOT NULL, queued_at INTEGER NOT NULL,
            comment TEXT NOT NULL, decision TEXT NOT NULL, review TEXT NULL, leased_by TEXT NULL, lease_expires_at INTEGER NULL);
        CREATE INDEX ix_review_queue_site_status ON review_queue (site_id, status, queued_at, comment_id);
        """;

    [Fact]
    public async Task A_file_of_the_previous_version_is_upgraded_at_start()
    {
        var site = TestData.NewSite();
        var old = TestData.Published(site, "article-1", TestData.BaseTime);
        await using (var connection = new SqliteConnection($"Data Source={file.Path}"))
        {
            await connection.OpenAsync();
            await using var create = connection.Command(PreviousSchema);
            await create.ExecuteNonQueryAsync();
            await using var insert = connection.Command(
                "INSERT INTO article_comments VALUES (@id, @site, 'article-1', 'a', 'A', 'Old comment', NULL, @at)",
                ("@id", old.Id.ToString()), ("@site", site), ("@at", StoredTime.ToMilliseconds(TestData.BaseTime)));
            await insert.ExecuteNonQueryAsync();
        }

        await using var stores = await ModerationStores.OpenSqliteAsync(file.Path);

        // The old comment is live, and a takedown applies to it.
        Assert.NotNull(await stores.ArticleComments.GetAsync(old.Id));
        Assert.True(await stores.ArticleComments.ApplyAsync(old, visible: false, new DecisionVersion(1, TestData.BaseTime.AddMinutes(1))));
        Assert.Null(await stores.ArticleComments.GetAsync(old.Id));

        // The queue takes a decision with its audit entry, and reads pending items from the new index.
        var item = new ReviewItem(TestData.Comment(site, TestData.BaseTime), TestData.Decision(DecisionOutcome.Flag, TestData.BaseTime), TestData.BaseTime);
        await stores.ReviewQueue.AddAsync(item);
        Assert.Single(await stores.ReviewQueue.ListPendingAsync(site, 10));
        var review = TestData.Review(TestData.BaseTime);
        var entry = new ReviewAuditEntry(Guid.NewGuid(), site, item.Comment.Id, item.Comment.ArticleId, "a", review.ModeratorId,
            ReviewItemStatus.Approved, null, null, [], [], review.DecidedAt);
        Assert.True(await stores.ReviewQueue.DecideAsync(item.Comment.Id, ReviewItemStatus.Approved, review, review.DecidedAt, entry));
        Assert.Equal(entry.Id, (await stores.ReviewQueue.GetAsync(item.Comment.Id))!.Audit!.Id);

        await using var check = new SqliteConnection($"Data Source={file.Path}");
        await check.OpenAsync();
        await using var indexes = check.Command("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'review_queue'");
        var names = await indexes.ReadAllAsync(reader => reader.GetString(0), CancellationToken.None);
        Assert.Contains("ix_review_queue_pending", names);
        Assert.DoesNotContain("ix_review_queue_site_status", names);
    }
}
