namespace Moderation.Review.Api.Models;

public sealed record CreateTokenRequest(string? Name);
