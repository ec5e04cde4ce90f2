using Moderation.Webhooks.Tests.Erasure;

namespace Moderation.Webhooks.Tests.Deletion;

public sealed class SqliteCommentDeletionTests(SqliteErasureHost host) : CommentDeletionTests(host), IClassFixture<SqliteErasureHost>;
