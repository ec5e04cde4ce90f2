namespace Moderation.Storage.Review;

/// <summary>An API token for an admin's automation. Only the SHA-256 of the token is stored; the token itself is shown once.</summary>
public sealed record ModeratorToken(
    Guid Id,
    string Username,
    string Name,
    string TokenHash,
    DateTimeOffset CreatedAt,
    bool Revoked = false);
