using Moderation.Storage.Sqlite;
using Moderation.Storage.Tests.Fixtures;

namespace Moderation.Storage.Tests.Review;

public sealed class SqliteReviewCommentLogStoreTests(SqliteFileFixture file) : ReviewCommentLogStoreContract, IClassFixture<SqliteFileFixture>
{
    protected override async Task<IModerationStores> CreateStoresAsync() => await SqliteStores.CreateAsync(file.Path);
}
