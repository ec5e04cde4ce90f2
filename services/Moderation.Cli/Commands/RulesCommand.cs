using System.CommandLine;
using Moderation.Cli.Io;
using Moderation.Rules;
using Moderation.Rules.Fixtures;
using Moderation.Rules.RuleSets;

namespace Moderation.Cli.Commands;

/// <summary>
/// <c>moderation rules check PATH</c>: validates a ruleset file or rules folder and runs the test cases kept beside
/// each ruleset; <c>moderation rules test PATH</c>: runs only the test cases. Both exit non-zero on any error or
/// failing case.
/// </summary>
internal static class RulesCommand
{
    public static Command Create()
    {
        var checkPath = new Argument<string>("path") { Description = "Ruleset file, or a rules folder (default.yaml, sites/*.yaml)" };
        var check = new Command("check", "Validate rulesets, print their errors or versions, and run their test cases") { checkPath };
        check.SetAction(parse => Run(parse.GetRequiredValue(checkPath), parse.InvocationConfiguration.Output, validate: true));

        var testPath = new Argument<string>("path") { Description = "Rules folder, ruleset file or *.tests.yaml file" };
        var test = new Command("test", "Run the test cases ({name}.tests.yaml) kept beside each ruleset") { testPath };
        test.SetAction(parse => Run(parse.GetRequiredValue(testPath), parse.InvocationConfiguration.Output, validate: false));

        return new Command("rules", "Work with rulesets") { check, test };
    }

    private static int Run(string path, TextWriter output, bool validate)
    {
        var targets = RulesetTarget.At(path);
        if (targets.Count == 0)
        {
            output.WriteLine($"No ruleset file or folder at {path}");
            return 2;
        }

        if (!validate && targets.All(target => target.FixtureFile is null))
        {
            output.WriteLine($"No test cases at {path} (a ruleset's cases live beside it in {{name}}{RuleSetFolderLayout.FixtureSuffix})");
            return 2;
        }

        var failed = false;
        foreach (var target in targets)
        {
            var errors = RuleSetLoader.Validate(target.Layers);
            if (errors.Count > 0)
            {
                failed = true;
                foreach (var error in errors)
                {
                    output.WriteLine($"error {error}");
                }

                continue;
            }

            var ruleSet = RuleSetLoader.Compile(target.Layers);
            if (validate)
            {
                output.WriteLine($"ok {target.Name} version {ruleSet.Version}");
            }

            if (target.FixtureFile is { } fixtureFile)
            {
                failed |= !RunFixtures(fixtureFile, ruleSet, target.SiteId, output);
            }
        }

        return failed ? 1 : 0;
    }

    private static bool RunFixtures(string file, RuleSet ruleSet, string siteId, TextWriter output)
    {
        var errors = new List<RuleSetError>();
        var fixtures = RuleFixtureParser.Parse(file, File.ReadAllText(file), errors);
        foreach (var error in errors)
        {
            output.WriteLine($"error {error}");
        }

        var failures = RuleFixtureRunner.Run(fixtures, ruleSet, siteId);
        foreach (var failure in failures)
        {
            output.WriteLine($"fail {failure}");
        }

        output.WriteLine($"{(errors.Count + failures.Count == 0 ? "ok" : "failed")} {file}: {fixtures.Count - failures.Count} of {fixtures.Count} cases hold");
        return errors.Count == 0 && failures.Count == 0;
    }
}
