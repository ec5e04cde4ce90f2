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

    /// <summary>Wrong passwords an account may have before it must wait (a right password clears the count).</summary>
    [Range(1, 100, ErrorMessage = "Review:SignInFailuresBeforeBackoff must be between 1 and 100.")]
    public int SignInFailuresBeforeBackoff { get; set; } = 5;

    /// <summary>The first wait after too many failures; each further failure doubles it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Review:SignInBackoff must be between 1 second and 1 hour.")]
    public TimeSpan SignInBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait an account is given.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Review:SignInBackoffMax must be between 1 second and 1 day.")]
    public TimeSpan SignInBackoffMax { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failed sign-ins one client address may make per minute, over all usernames.</summary>
    [Range(1, 100_000, ErrorMessage = "Review:SignInFailuresPerAddressPerMinute must be between 1 and 100000.")]
    public int SignInFailuresPerAddressPerMinute { get; set; } = 30;

    /// <summary>How often a live connection looks for new flagged comments.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00", ErrorMessage = "Review:LivePollInterval must be between 100 ms and 1 minute.")]
    public TimeSpan LivePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a decided item stays in the review queue (for the console's item view) before it is deleted; its audit
    /// entry stays in the audit log regardless.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00", ErrorMessage = "Review:DecidedRetention must be between 1 day and 3650 days.")]
    public TimeSpan DecidedRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Creates this admin at start when no account exists yet.</summary>
    public BootstrapAdminOptions BootstrapAdmin { get; set; } = new();

    /// <summary>Single sign-on; off unless <c>Authority</c> is set.</summary>
    public ReviewOpenIdConnectOptions OpenIdConnect { get; set; } = new();
}
