namespace Moderation.Contracts;

/// <summary>How a site treats one author's next comments, as its moderators set it.</summary>
public enum AuthorStanding
{
    /// <summary>The rules alone decide.</summary>
    Normal,

    /// <summary>Every comment is rejected, until <see cref="AuthorStandingChanged.Until"/> or for good.</summary>
    Banned,

    /// <summary>Every comment the rules would approve is held for a moderator.</summary>
    PreModerated,

    /// <summary>A comment the rules would only hold is approved; one a reject rule catches is still rejected.</summary>
    Trusted,
}
