using System.ComponentModel.DataAnnotations;

namespace Moderation.ServiceDefaults.Sites;

/// <summary>One site (a news site, a blog platform) whose backend submits comments.</summary>
public sealed class SiteOptions
{
    /// <summary>API keys that authenticate this site's backend. Several allow rotation.</summary>
    [MinLength(1)]
    public List<string> ApiKeys { get; set; } = [];

    public const int DefaultRequestsPerMinute = 600;
    public const int DefaultReadsPerMinute = 6000;

    /// <summary>Submissions and other writes per minute one site may make before it gets 429, exactly. Default 600.</summary>
    [Range(1, 10_000_000)]
    public int RequestsPerMinute { get; set; } = DefaultRequestsPerMinute;

    /// <summary>Reads (status, article pages) per minute, a budget apart from <see cref="RequestsPerMinute"/>. Default 6000.</summary>
    [Range(1, 10_000_000)]
    public int ReadsPerMinute { get; set; } = DefaultReadsPerMinute;

    /// <summary>Reader reports: when a moderator sees a reported comment, and when it is hidden.</summary>
    public ReportOptions Reports { get; set; } = new();

    /// <summary>Automatic pre-moderation of an article that gets too many comments a minute (off by default).</summary>
    public SurgeOptions Surge { get; set; } = new();

    /// <summary>Modes by the clock: nightly pre-moderation, closing an article some time after its first comment.</summary>
    public ScheduleOptions Schedule { get; set; } = new();
}
