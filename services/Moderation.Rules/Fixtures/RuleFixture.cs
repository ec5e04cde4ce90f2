using Moderation.Contracts;

namespace Moderation.Rules.Fixtures;

/// <summary>
/// One test case a site keeps beside its rules: a comment, the outcome it must get and, optionally, rules that must
/// be among its hits and the author signals the site would send with it.
/// </summary>
public sealed record RuleFixture(
    string File,
    int Line,
    string Text,
    DecisionOutcome Expect,
    IReadOnlyList<string> Rules,
    int? AccountAgeDays = null,
    int? ApprovedComments = null);
