namespace Moderation.Review.Api.Models;

public sealed record AuthOptionsResponse(bool SingleSignOn, string? SingleSignOnName);
