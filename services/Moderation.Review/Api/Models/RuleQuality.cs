namespace Moderation.Review.Api.Models;

/// <summary>
/// One rule (its id as the rules pack and the CLI name it): comments it held that moderators decided in the window,
/// how many they approved (<paramref name="Overturned"/>: the rule was wrong) or rejected, the share overturned, what
/// it holds waiting now, and the overturned comments behind the number (the latest, at most 20).
/// </summary>
public sealed record RuleQuality(
    string Rule, int Decided, int Overturned, int Upheld, double OverturnRate, long Waiting, IReadOnlyList<OverturnedComment> OverturnedComments);
