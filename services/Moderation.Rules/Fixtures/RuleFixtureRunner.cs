using Moderation.Contracts;

namespace Moderation.Rules.Fixtures;

/// <summary>Decides each fixture with a ruleset and says, for each that does not hold, what happened instead.</summary>
public static class RuleFixtureRunner
{
    /// <summary>The failures: an empty list means every fixture got its outcome and its listed rules.</summary>
    public static IReadOnlyList<string> Run(IEnumerable<RuleFixture> fixtures, RuleSet ruleSet, string siteId)
    {
        ArgumentNullException.ThrowIfNull(fixtures);
        var engine = new ModerationEngine();
        var failures = new List<string>();
        foreach (var fixture in fixtures)
        {
            var comment = new CommentToModerate(
                Guid.Empty, siteId, "fixture", fixture.Text, DateTimeOffset.UnixEpoch, fixture.AccountAgeDays, fixture.ApprovedComments);
            var decision = engine.Decide(comment, ruleSet, []);
            var fired = decision.Hits.Select(hit => hit.Rule).Distinct().ToArray();
            var missing = fixture.Rules.Where(rule => !fired.Contains(rule)).ToArray();
            if (decision.Outcome == fixture.Expect && missing.Length == 0)
            {
                continue;
            }

            var got = Name(decision.Outcome);
            var hits = fired.Length == 0 ? "no rule fired" : "fired: " + string.Join(", ", fired);
            var why = decision.Outcome != fixture.Expect
                ? $"expected {Name(fixture.Expect)}, got {got} (score {decision.Score}; {hits})"
                : $"{got} as expected, but {string.Join(", ", missing)} did not fire ({hits})";
            failures.Add($"{fixture.File}:{fixture.Line}: {why}: \"{Shorten(fixture.Text)}\"");
        }

        return failures;
    }

    private static string Name(DecisionOutcome outcome) => outcome.ToString().ToLowerInvariant();

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
