using MassTransit;
using Moderation.Contracts;
using Moderation.Storage.Publishing;

namespace Moderation.Publishing.Deletion;

/// <summary>
/// Takes a comment its author deleted off its article for good: its row stays, emptied and hidden, with a decision
/// version no decision can pass (the deletion is final), so a late or redelivered approval never brings it back, and its
/// replies keep pointing at it. A comment not yet published gets that row now, for the same reason.
/// </summary>
public sealed class RemoveDeletedCommentConsumer(IArticleCommentStore store) : IConsumer<CommentDeleted>
{
    public Task Consume(ConsumeContext<CommentDeleted> context)
    {
        var deleted = context.Message;
        var placeholder = new PublishedComment(deleted.CommentId, deleted.SiteId, deleted.ArticleId, deleted.AuthorId, "", "", null, deleted.DeletedAt);
        return store.ApplyAsync(placeholder, visible: false, Final(deleted.DeletedAt), context.CancellationToken);
    }

    /// <summary>Later than every moderator's decision; among repeated deletions the latest time wins, which changes nothing more.</summary>
    private static DecisionVersion Final(DateTimeOffset deletedAt) => new(long.MaxValue, deletedAt);
}
