using Microsoft.AspNetCore.Identity;

namespace Moderation.Storage.Review;

/// <summary>
/// Password hashes for moderator accounts: ASP.NET Core's PasswordHasher (PBKDF2 with a per-hash salt), shared by the
/// console and the <c>moderation users</c> command so both write the same format.
/// </summary>
public static class ModeratorPasswords
{
    public const int MinimumLength = 12;

    private static readonly PasswordHasher<string> Hasher = new();

    public static string Hash(string password)
    {
        EnsureStrongEnough(password);
        return Hasher.HashPassword(string.Empty, password);
    }

    /// <summary>True when the password matches; an account without a hash (single sign-on only) never matches.</summary>
    public static bool Verify(ModeratorAccount account, string password) =>
        account.PasswordHash.Length > 0
        && Hasher.VerifyHashedPassword(string.Empty, account.PasswordHash, password) != PasswordVerificationResult.Failed;

    /// <summary>
    /// Spends the time of one verification on a hash nobody has, so that an unknown username (or an account without a
    /// password) answers as slowly as a wrong password and timing does not tell which names exist.
    /// </summary>
    public static void VerifyNothing(string password) => Hasher.VerifyHashedPassword(string.Empty, DummyHash.Value, password);

    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(string.Empty, Guid.NewGuid().ToString("N")));

    public static void EnsureStrongEnough(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length < MinimumLength)
        {
            throw new ArgumentException($"A password has at least {MinimumLength} characters.", nameof(password));
        }
    }
}
