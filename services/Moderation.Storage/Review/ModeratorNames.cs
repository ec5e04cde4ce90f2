using System.Text.RegularExpressions;

namespace Moderation.Storage.Review;

/// <summary>Usernames are compared lower-case, so "Ann" and "ann" are one account.</summary>
public static partial class ModeratorNames
{
    public static bool IsValid(string? username) => username is not null && Pattern().IsMatch(username);

    public static string Normalize(string username) => username.Trim().ToLowerInvariant();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")]
    private static partial Regex Pattern();
}
