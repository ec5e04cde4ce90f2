using Moderation.Contracts;

namespace Moderation.Storage.Comments;

/// <summary>
/// An accepted comment's event still owed to the broker, as the submission outbox holds it: the comment without its
/// author's history (the relay adds that when it sends), the W3C trace parent of the submit that accepted it (so the
/// relayed event stays in the submit's trace), and how many relay attempts claimed it so far.
/// </summary>
public sealed record OutgoingSubmission(CommentSubmitted Message, int Attempts = 0, string? TraceParent = null)
{
    public Guid CommentId => Message.Comment.Id;
}
