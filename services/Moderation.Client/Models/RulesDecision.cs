namespace Moderation.Client.Models;

/// <summary>What the rules engine decided (<c>approve</c>, <c>flag</c>, <c>reject</c>) and why.</summary>
public sealed record RulesDecision(string Outcome, double Score, IReadOnlyList<RuleHit> Hits, string RulesetVersion, DateTimeOffset DecidedAt);
