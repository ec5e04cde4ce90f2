namespace Moderation.Review.Api.Models;

/// <summary>The token itself is shown once, here; only its hash is stored.</summary>
public sealed record CreatedTokenResponse(Guid Id, string Name, string Token);
