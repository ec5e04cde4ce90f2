namespace Moderation.Review.Api.Models;

public sealed record RejectAuthorResponse(string AuthorId, IReadOnlyList<Guid> Rejected, IReadOnlyList<Guid> Skipped);
