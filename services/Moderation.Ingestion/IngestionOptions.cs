using System.ComponentModel.DataAnnotations;

namespace Moderation.Ingestion;

/// <summary>Section <c>Ingestion</c>.</summary>
public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>
    /// How long a publish waits for the broker's confirmation: a report or an editor's mode change answers 503 after it,
    /// the submission relay tries the comment again later. Default 3 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:30")]
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The Retry-After a 503 suggests, in seconds. Default 5.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 5;

    /// <summary>
    /// How far back the author's history sent with each comment reaches: at least the longest window of any site's
    /// duplicate or flood rule. Default 7 days.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan AuthorHistoryWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Most earlier comments of the author sent with each comment (the newest). Default 50.</summary>
    [Range(0, Moderation.Storage.Activity.IAuthorHistoryStore.MaxEntries)]
    public int AuthorHistoryLimit { get; set; } = 50;

    /// <summary>How often ended surges are announced and cleared. Default 15 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan SurgeCheckInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Most accepted comments one relay pass claims from the submission outbox and publishes together. Default 200.</summary>
    [Range(1, 5000)]
    public int RelayBatchSize { get; set; } = 200;

    /// <summary>
    /// How long a relay holds the comments it claimed before another replica may take them over (its holder died).
    /// Longer than a pass takes: its publishes wait at most <see cref="PublishTimeout"/>. Default 15 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RelayLease { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How often the relay looks for due comments when no submit woke it (the broker came back, a lapsed lease, a
    /// retry's time). Default 1 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan RelayInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait before a comment the broker refused is tried again (the backoff doubles from 0.5 s). Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan RelayMaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Most accepted comments whose event the broker has not yet confirmed (the submission outbox) before a submit answers
    /// 503 with Retry-After instead of accepting more: bounds what piles up in the store while the broker is away. Default
    /// 100,000 (over ten minutes of this machine's full rate; about 100 MB of SQLite rows).
    /// </summary>
    [Range(10, 10_000_000)]
    public int MaxUnsentSubmissions { get; set; } = 100_000;

    /// <summary>Largest request body accepted, in bytes. Default 64 KiB.</summary>
    [Range(1024, 10 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 64 * 1024;
}
