using Moderation.Contracts;

namespace Moderation.Rules;

/// <summary>What the engine decided, the summed score, every rule that fired and the ruleset version that decided it.</summary>
public sealed record EngineDecision(DecisionOutcome Outcome, double Score, IReadOnlyList<RuleHit> Hits, string RulesetVersion);
