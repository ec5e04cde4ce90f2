namespace Moderation.Review.Api.Models;

public sealed record AuthorPendingResponse(string AuthorId, string AuthorName, int Pending);
