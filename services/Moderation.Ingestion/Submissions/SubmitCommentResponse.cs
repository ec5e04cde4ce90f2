namespace Moderation.Ingestion.Submissions;

public sealed record SubmitCommentResponse(Guid Id, string Status);
