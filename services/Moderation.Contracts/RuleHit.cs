namespace Moderation.Contracts;

/// <summary>
/// One rule that fired. <see cref="Start"/> and <see cref="Length"/> index the submitted body in UTF-16 code units;
/// <see cref="Match"/> is that span of the original text.
/// </summary>
public sealed record RuleHit(string Rule, string Category, string Severity, int Start, int Length, string Match);
