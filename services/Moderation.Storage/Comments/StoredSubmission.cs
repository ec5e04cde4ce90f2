using Moderation.Contracts;

namespace Moderation.Storage.Comments;

/// <summary>What the outbox column/field holds, as JSON: an <see cref="OutgoingSubmission"/> without its attempt count.</summary>
internal sealed record StoredSubmission(CommentSubmitted Message, string? TraceParent)
{
    public static StoredSubmission From(OutgoingSubmission outgoing) => new(outgoing.Message, outgoing.TraceParent);

    public OutgoingSubmission ToOutgoing(int attempts) => new(Message, attempts, TraceParent);
}
