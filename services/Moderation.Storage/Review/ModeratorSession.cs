namespace Moderation.Storage.Review;

/// <summary>
/// A console session, held on the server so it can be ended there: the cookie carries a random key, and only its
/// SHA-256 is stored. A revoked session is refused on its next request, however valid the cookie still looks.
/// </summary>
public sealed record ModeratorSession(
    string KeyHash,
    string Username,
    DateTimeOffset CreatedAt,
    bool Revoked = false);
