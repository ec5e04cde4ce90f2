using MassTransit;
using Moderation.Contracts;
using Moderation.Storage.Review;

namespace Moderation.Review.Deletion;

/// <summary>
/// Takes a comment its author deleted out of the review queue (waiting or reported); a decided item stays as the record
/// of what a moderator did. Repeating it changes nothing.
/// </summary>
public sealed class WithdrawDeletedCommentConsumer(IReviewQueueStore queue) : IConsumer<CommentDeleted>
{
    public Task Consume(ConsumeContext<CommentDeleted> context) => queue.WithdrawAsync(context.Message.CommentId, context.CancellationToken);
}
