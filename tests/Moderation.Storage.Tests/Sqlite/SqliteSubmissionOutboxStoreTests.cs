using Moderation.Storage.Tests.Contracts;
using Moderation.Storage.Tests.Fixtures;

namespace Moderation.Storage.Tests.Sqlite;

public sealed class SqliteSubmissionOutboxStoreTests(SqliteFileFixture file) : SubmissionOutboxStoreContract, IClassFixture<SqliteFileFixture>
{
    protected override async Task<ModerationStores> CreateStoresAsync() => await ModerationStores.OpenSqliteAsync(file.Path);
}
