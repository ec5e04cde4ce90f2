namespace Moderation.Webhooks.Delivery;

/// <summary>
/// When a failed event is tried again: <c>RetryMinInterval</c> doubled at every failed attempt, capped at
/// <c>RetryMaxInterval</c>, with up to a fifth of jitter so a site's backlog does not arrive in one burst when it recovers.
/// </summary>
public static class RetrySchedule
{
    public static TimeSpan Delay(int failedAttempts, WebhookOptions options, double jitter)
    {
        ArgumentNullException.ThrowIfNull(options);
        var exponent = Math.Clamp(failedAttempts - 1, 0, 30);
        var delay = Math.Min(options.RetryMaxInterval.TotalMilliseconds, options.RetryMinInterval.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(delay * (1 + (Math.Clamp(jitter, 0, 1) * 0.2)));
    }
}
