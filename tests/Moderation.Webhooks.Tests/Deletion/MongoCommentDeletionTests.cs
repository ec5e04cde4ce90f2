using Moderation.Webhooks.Tests.Erasure;

namespace Moderation.Webhooks.Tests.Deletion;

public sealed class MongoCommentDeletionTests(MongoErasureHost host) : CommentDeletionTests(host), IClassFixture<MongoErasureHost>;
