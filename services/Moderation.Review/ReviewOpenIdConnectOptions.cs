namespace Moderation.Review;

/// <summary><c>Review:OpenIdConnect</c>: a newsroom's single sign-on. The claim named by <see cref="UsernameClaim"/> must match a local account.</summary>
public sealed class ReviewOpenIdConnectOptions
{
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The identity provider's claim whose value is the local username.</summary>
    public string UsernameClaim { get; set; } = "preferred_username";

    /// <summary>Label of the console's sign-in button.</summary>
    public string DisplayName { get; set; } = "Single sign-on";

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}
