using Moderation.Storage.Activity;
using Moderation.Storage.Comments;
using Moderation.Storage.Publishing;
using Moderation.Storage.Review;
using Polly;

namespace Moderation.Storage.Mongo;

/// <summary>The five stores on one MongoDB database. (Being written: not usable yet.)</summary>
public sealed class MongoStores : IModerationStores
{
    public MongoStores(MongoStorageOptions options, ResiliencePipeline storePipeline, ResiliencePipeline startupPipeline) =>
        throw new NotSupportedException("The MongoDB stores are not implemented yet; use Storage:Provider=Sqlite.");

    public ICommentStatusStore CommentStatus => throw new NotSupportedException();

    public IIdempotencyStore Idempotency => throw new NotSupportedException();

    public IArticleCommentStore ArticleComments => throw new NotSupportedException();

    public IReviewQueueStore ReviewQueue => throw new NotSupportedException();

    public IAuthorActivityStore AuthorActivity => throw new NotSupportedException();

    public Task InitializeAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task PingAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
