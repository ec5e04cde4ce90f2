using Microsoft.Data.Sqlite;
using Moderation.Storage.Review;
using Moderation.Storage.Sqlite;
using Moderation.Storage.Tests.Contracts;
using Moderation.Storage.Tests.Fixtures;

namespace Moderation.Storage.Tests.Sqlite;

public sealed class SqliteReviewQueueStoreTests(SqliteFileFixture file) : ReviewQueueStoreContract, IClassFixture<SqliteFileFixture>
{
    protected override async Task<ModerationStores> CreateStoresAsync() => await ModerationStores.OpenSqliteAsync(file.Path);

    /// <summary>Decided items are not in the index the pending list reads, so it never scans them.</summary>
    [Theory]
    [InlineData(ReviewQueueOrder.OldestFirst)]
    [InlineData(ReviewQueueOrder.HighestScoreFirst)]
    public async Task The_pending_list_reads_the_index_of_pending_items_only(ReviewQueueOrder order)
    {
        await CreateStoresAsync();
        await using var connection = new SqliteConnection($"Data Source={file.Path}");
        await connection.OpenAsync();
        await using var command = SqliteReviewQueueStore.QueryPendingCommand(connection, new ReviewQueueQuery("site-1", Order: order));
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;

        var steps = string.Join(" | ", await command.ReadAllAsync(reader => reader.GetString(3), CancellationToken.None));

        Assert.Contains("ix_review_queue_pending", steps);
        Assert.DoesNotContain("SCAN review_queue", steps, StringComparison.Ordinal);
    }
}
