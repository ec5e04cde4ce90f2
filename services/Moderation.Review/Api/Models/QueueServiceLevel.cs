namespace Moderation.Review.Api.Models;

/// <summary>
/// One queue's service level: <paramref name="Queue"/> is <c>flagged</c> (seconds from submit to the first decision) or
/// <c>reported</c> (from the report that queued it to the first decision); null when nothing was decided.
/// </summary>
public sealed record QueueServiceLevel(string Queue, int Decided, double? P50Seconds, double? P90Seconds);
