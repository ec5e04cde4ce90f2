using System.CommandLine;
using Moderation.Rules.RuleSets;

namespace Moderation.Cli.Commands;

/// <summary><c>moderation rules check PATH</c>: validates a ruleset file or rules folder; non-zero exit on errors.</summary>
internal static class RulesCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "Ruleset file, or a rules folder (default.yaml, sites/*.yaml)" };
        var check = new Command("check", "Validate rulesets and print their errors or versions") { path };
        check.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var target = parse.GetRequiredValue(path);
            var checks = LayerSets(target);
            if (checks.Count == 0)
            {
                output.WriteLine($"No ruleset file or folder at {target}");
                return 2;
            }

            var failed = false;
            foreach (var (name, layers) in checks)
            {
                var errors = RuleSetLoader.Validate(layers);
                if (errors.Count == 0)
                {
                    output.WriteLine($"ok {name} version {RuleSetLoader.Compile(layers).Version}");
                    continue;
                }

                failed = true;
                foreach (var error in errors)
                {
                    output.WriteLine($"error {error}");
                }
            }

            return failed ? 1 : 0;
        });

        return new Command("rules", "Work with rulesets") { check };
    }

    private static List<(string Name, IReadOnlyList<RuleSetSource> Layers)> LayerSets(string target)
    {
        var sets = new List<(string, IReadOnlyList<RuleSetSource>)>();
        if (File.Exists(target))
        {
            sets.Add((target, RuleSetLoader.LayersForPath(target)));
        }
        else if (Directory.Exists(target))
        {
            sets.Add((target, RuleSetLoader.LayersForPath(target)));
            var sites = Path.Combine(target, RuleSetFolderLayout.SitesFolderName);
            if (Directory.Exists(sites))
            {
                foreach (var site in Directory.GetFiles(sites, "*.yaml").Order(StringComparer.Ordinal))
                {
                    sets.Add((site, RuleSetLoader.LayersForPath(target, RuleSetFolderLayout.SiteIdOf(site))));
                }
            }
        }

        return sets;
    }
}
