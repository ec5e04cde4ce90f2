using Moderation.Storage.Sqlite;
using Moderation.Storage.Tests.Fixtures;

namespace Moderation.Storage.Tests.Review;

public sealed class SqliteReviewRedecisionTests(SqliteFileFixture file) : ReviewRedecisionContract, IClassFixture<SqliteFileFixture>
{
    protected override async Task<ModerationStores> CreateStoresAsync() => await ModerationStores.OpenSqliteAsync(file.Path);
}
