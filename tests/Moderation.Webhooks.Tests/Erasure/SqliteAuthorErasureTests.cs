namespace Moderation.Webhooks.Tests.Erasure;

public sealed class SqliteAuthorErasureTests(SqliteErasureHost host) : AuthorErasureTests(host), IClassFixture<SqliteErasureHost>;
