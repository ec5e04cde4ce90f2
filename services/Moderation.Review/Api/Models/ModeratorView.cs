using Moderation.Storage.Review;

namespace Moderation.Review.Api.Models;

/// <summary>An account as the admin view shows it; never the password hash.</summary>
public sealed record ModeratorView(string Username, string Role, IReadOnlyList<string> Sites, bool Disabled, DateTimeOffset CreatedAt)
{
    public static ModeratorView From(ModeratorAccount account) =>
        new(account.Username, RoleName(account.Role), account.Sites, account.Disabled, account.CreatedAt);

    public static string RoleName(ModeratorRole role) => role == ModeratorRole.Admin ? "admin" : "moderator";
}
