using Moderation.Contracts;

namespace Moderation.Worker.Standing;

/// <summary>
/// What an author's standing does to the rules' decision, with a hit that says so: a ban rejects, pre-moderation holds
/// what would be approved, trust approves what would only be held. Trust never overrides a reject.
/// </summary>
public static class AuthorStandingPolicy
{
    public const string Category = "author";

    public static (DecisionOutcome Outcome, IReadOnlyList<RuleHit> Hits) Apply(DecisionOutcome outcome, IReadOnlyList<RuleHit> hits, AuthorStanding standing)
    {
        ArgumentNullException.ThrowIfNull(hits);
        return (standing, outcome) switch
        {
            (AuthorStanding.Banned, _) => (DecisionOutcome.Reject, With(hits, "author.banned", "high")),
            (AuthorStanding.PreModerated, DecisionOutcome.Approve) => (DecisionOutcome.Flag, With(hits, "author.pre-moderated", "medium")),
            (AuthorStanding.Trusted, DecisionOutcome.Flag) => (DecisionOutcome.Approve, With(hits, "author.trusted", "low")),
            _ => (outcome, hits),
        };
    }

    // A standing matches no text: an empty span at the start, which the console shows in the hit table only.
    private static List<RuleHit> With(IReadOnlyList<RuleHit> hits, string rule, string severity) =>
        [.. hits, new RuleHit(rule, Category, severity, 0, 0, string.Empty)];
}
