using System.ComponentModel.DataAnnotations;

namespace Moderation.Ingestion;

/// <summary>Section <c>Ingestion</c>.</summary>
public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>How long a submit waits for the broker's confirmation before answering 503. Default 3 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:30")]
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The Retry-After a 503 suggests, in seconds. Default 5.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 5;

    /// <summary>Largest request body accepted, in bytes. Default 64 KiB.</summary>
    [Range(1024, 10 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 64 * 1024;
}
