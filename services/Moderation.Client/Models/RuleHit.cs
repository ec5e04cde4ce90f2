namespace Moderation.Client.Models;

/// <summary>One rule that fired, and the span of the submitted body (UTF-16 code units) it fired on.</summary>
public sealed record RuleHit(string Rule, string Category, string Severity, int Start, int Length, string Match);
