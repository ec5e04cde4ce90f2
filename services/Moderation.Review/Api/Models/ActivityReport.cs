namespace Moderation.Review.Api.Models;

/// <summary>How a site's desk worked over the last <paramref name="Days"/> days, from its audit log and decided items.</summary>
public sealed record ActivityReport(
    string SiteId,
    int Days,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<ModeratorActivity> Moderators,
    IReadOnlyList<QueueServiceLevel> Queues,
    PendingServiceLevel Pending,
    DisagreementSummary Disagreements);
