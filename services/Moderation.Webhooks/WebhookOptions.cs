using System.ComponentModel.DataAnnotations;

namespace Moderation.Webhooks;

/// <summary>Section <c>Webhooks</c>: how events are delivered to the sites' receivers.</summary>
public sealed class WebhookOptions : IValidatableObject
{
    public const string Section = "Webhooks";

    /// <summary>How long one POST may take before it counts as failed. Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Wait before the first redelivery of a failed event; each later one waits twice as long. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait between two attempts. Default 1 hour.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long after its first failed attempt an event is still retried before it goes to the site's dead-letter list.
    /// Default 24 hours, the least the API promises; lower only in tests.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "30.00:00:00")]
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often a replica looks for due events when the last look found none. Default 500 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Events one replica sends at once. Default 16.</summary>
    [Range(1, 256)]
    public int Concurrency { get; set; } = 16;

    /// <summary>How long a replica holds an event it is sending before another may take it over. Default 2 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a delivered event is kept (its status stays readable) before it is deleted. Default 7 days.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan KeepDelivered { get; set; } = TimeSpan.FromDays(7);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RetryMaxInterval < RetryMinInterval)
        {
            yield return new ValidationResult(
                "Webhooks:RetryMaxInterval must not be shorter than Webhooks:RetryMinInterval.", [nameof(RetryMaxInterval)]);
        }

        if (LeaseDuration <= RequestTimeout * 4)
        {
            yield return new ValidationResult(
                "Webhooks:LeaseDuration must be longer than four Webhooks:RequestTimeout (one send and its quick retries).",
                [nameof(LeaseDuration)]);
        }
    }
}
