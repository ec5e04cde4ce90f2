namespace Moderation.Storage.Review;

/// <summary>
/// A person who signs in to the console. <see cref="Username"/> is unique and stored lower-case;
/// <see cref="PasswordHash"/> is an ASP.NET Core PasswordHasher (PBKDF2) hash, empty for single-sign-on-only accounts.
/// </summary>
public sealed record ModeratorAccount(
    string Username,
    string PasswordHash,
    ModeratorRole Role,
    IReadOnlyList<string> Sites,
    bool Disabled,
    DateTimeOffset CreatedAt);
