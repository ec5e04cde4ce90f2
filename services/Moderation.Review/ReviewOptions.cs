using System.ComponentModel.DataAnnotations;

namespace Moderation.Review;

/// <summary>Settings of the Review service, under <c>Review:</c>.</summary>
public sealed class ReviewOptions
{
    public const string Section = "Review";

    /// <summary>How long opening an item keeps it from other moderators; the console renews it while the item is open.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00", ErrorMessage = "Review:LeaseDuration must be between 30 seconds and 1 hour.")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A console session ends after this long without a request (sliding).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00", ErrorMessage = "Review:SessionIdleTimeout must be between 5 minutes and 7 days.")]
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Sign-in attempts allowed per minute for one client address and username.</summary>
    [Range(1, 1000, ErrorMessage = "Review:SignInAttemptsPerMinute must be between 1 and 1000.")]
    public int SignInAttemptsPerMinute { get; set; } = 5;

    /// <summary>How often a live connection looks for new flagged comments.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00", ErrorMessage = "Review:LivePollInterval must be between 100 ms and 1 minute.")]
    public TimeSpan LivePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Creates this admin at start when no account exists yet.</summary>
    public BootstrapAdminOptions BootstrapAdmin { get; set; } = new();

    /// <summary>Single sign-on; off unless <c>Authority</c> is set.</summary>
    public ReviewOpenIdConnectOptions OpenIdConnect { get; set; } = new();
}
