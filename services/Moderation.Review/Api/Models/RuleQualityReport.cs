namespace Moderation.Review.Api.Models;

/// <summary>Each rule's record on one site over the last 7 and 30 days.</summary>
public sealed record RuleQualityReport(string SiteId, DateTimeOffset At, IReadOnlyList<RuleQualityWindow> Windows);
