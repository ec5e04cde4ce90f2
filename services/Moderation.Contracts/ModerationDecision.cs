namespace Moderation.Contracts;

/// <summary>What the rules engine decided and why.</summary>
public sealed record ModerationDecision(
    DecisionOutcome Outcome,
    double Score,
    IReadOnlyList<RuleHit> Hits,
    string RulesetVersion,
    DateTimeOffset DecidedAt);
