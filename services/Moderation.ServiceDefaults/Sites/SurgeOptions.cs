using System.ComponentModel.DataAnnotations;

namespace Moderation.ServiceDefaults.Sites;

/// <summary>
/// <c>Sites:&lt;id&gt;:Surge</c>: when an article gets more than <see cref="CommentsPerMinute"/> submissions in one minute,
/// its comments are held for review (pre-moderated) until <see cref="QuietPeriod"/> passes without such a minute.
/// </summary>
public sealed class SurgeOptions
{
    /// <summary>Submissions per article per minute above which a surge starts. Default 0: off.</summary>
    [Range(0, 1_000_000)]
    public int CommentsPerMinute { get; set; }

    /// <summary>How long after the last minute over the limit the surge ends. Default 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan QuietPeriod { get; set; } = TimeSpan.FromMinutes(10);
}
