namespace Moderation.Review;

/// <summary><c>Review:BootstrapAdmin</c>: the first admin, created at start only while no account exists.</summary>
public sealed class BootstrapAdminOptions
{
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Comma-separated site ids granted to the admin (admins may open every site anyway).</summary>
    public string? Sites { get; set; }
}
