using Moderation.Storage.Comments;

namespace Moderation.Ingestion.Submissions;

public sealed record SubmitResult(SubmitOutcome Outcome, Guid CommentId = default, CommentStatus Status = CommentStatus.Pending);
