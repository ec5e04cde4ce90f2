using Moderation.Storage.Sqlite;
using Moderation.Storage.Tests.Fixtures;

namespace Moderation.Storage.Tests.Review;

public sealed class SqliteReviewAuditStoreTests(SqliteFileFixture file) : ReviewAuditStoreContract, IClassFixture<SqliteFileFixture>
{
    protected override async Task<ModerationStores> CreateStoresAsync() => await ModerationStores.OpenSqliteAsync(file.Path);
}
