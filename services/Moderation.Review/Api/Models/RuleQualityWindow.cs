namespace Moderation.Review.Api.Models;

public sealed record RuleQualityWindow(int Days, IReadOnlyList<RuleQuality> Rules);
