using Moderation.Storage.Sqlite;
using Moderation.Storage.Tests.Fixtures;

namespace Moderation.Storage.Tests.Review;

public sealed class SqliteReviewBulkActionStoreTests(SqliteFileFixture file) : ReviewBulkActionStoreContract, IClassFixture<SqliteFileFixture>
{
    protected override async Task<ModerationStores> CreateStoresAsync() => await ModerationStores.OpenSqliteAsync(file.Path);
}
