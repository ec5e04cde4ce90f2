using Moderation.Contracts;

namespace Moderation.Storage.Comments;

/// <summary>
/// An accepted comment's event still owed to the broker, as the submission outbox holds it: the comment without its
/// author's history (the relay adds that when it sends), and how many relay attempts claimed it so far.
/// </summary>
public sealed record OutgoingSubmission(CommentSubmitted Message, int Attempts = 0)
{
    public Guid CommentId => Message.Comment.Id;
}
