using Moderation.Rules.RuleSets;

namespace Moderation.Cli.Io;

/// <summary>One ruleset a rules command works on: its layers, the site it is for and its fixture file, if it has one.</summary>
internal sealed record RulesetTarget(string Name, IReadOnlyList<RuleSetSource> Layers, string SiteId, string? FixtureFile)
{
    /// <summary>
    /// The rulesets at a path: a ruleset file (a layer over the embedded pack), a rules folder (its default.yaml, each
    /// sites/*.yaml and each sites/*/sections/*.yaml) or a fixture file (the ruleset beside it, or the embedded pack when
    /// there is none).
    /// </summary>
    public static IReadOnlyList<RulesetTarget> At(string path)
    {
        if (File.Exists(path) && RuleSetFolderLayout.IsFixtureFile(path))
        {
            return [ForFixture(path)];
        }

        if (File.Exists(path))
        {
            return [new RulesetTarget(path, RuleSetLoader.LayersForPath(path), "default", Existing(RuleSetFolderLayout.FixtureFileOf(path)))];
        }

        if (!Directory.Exists(path))
        {
            return [];
        }

        var targets = new List<RulesetTarget>
        {
            new(path, RuleSetLoader.LayersForPath(path), "default", Existing(Path.Combine(path, "default" + RuleSetFolderLayout.FixtureSuffix))),
        };
        foreach (var site in RuleSetFolderLayout.SiteFiles(path))
        {
            var siteId = RuleSetFolderLayout.SiteIdOf(site);
            targets.Add(new RulesetTarget(site, RuleSetLoader.LayersForPath(path, siteId), siteId, Existing(RuleSetFolderLayout.FixtureFileOf(site))));
        }

        foreach (var sectionFile in RuleSetFolderLayout.SectionFiles(path))
        {
            var (siteId, section) = RuleSetFolderLayout.SectionOf(sectionFile);
            targets.Add(new RulesetTarget(
                sectionFile, RuleSetLoader.LayersForPath(path, siteId, section), siteId, Existing(RuleSetFolderLayout.FixtureFileOf(sectionFile))));
        }

        return targets;
    }

    private static RulesetTarget ForFixture(string fixture)
    {
        var full = Path.GetFullPath(fixture);
        var folder = Path.GetDirectoryName(full)!;
        var ruleset = RuleSetFolderLayout.RulesetFileOf(full);
        if (RuleSetFolderLayout.IsInSectionsFolder(full))
        {
            // sites/{siteId}/sections/{section}.tests.yaml: the section's ruleset over its site's and the folder's default.
            var (siteId, section) = RuleSetFolderLayout.SectionOf(ruleset);
            var rulesFolder = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(folder)!)!)!;
            return new RulesetTarget(ruleset, RuleSetLoader.LayersForPath(rulesFolder, siteId, section), siteId, fixture);
        }

        if (Path.GetFileName(folder) == RuleSetFolderLayout.SitesFolderName)
        {
            // sites/{siteId}.tests.yaml: the site's ruleset as the provider builds it, over the folder's default.
            var siteId = RuleSetFolderLayout.SiteIdOf(ruleset);
            return new RulesetTarget(ruleset, RuleSetLoader.LayersForPath(Path.GetDirectoryName(folder)!, siteId), siteId, fixture);
        }

        if (Path.GetFileName(ruleset) == RuleSetFolderLayout.DefaultFileName)
        {
            return new RulesetTarget(folder, RuleSetLoader.LayersForPath(folder), "default", fixture);
        }

        return File.Exists(ruleset)
            ? new RulesetTarget(ruleset, RuleSetLoader.LayersForPath(ruleset), "default", fixture)
            : new RulesetTarget(RuleSetLoader.EmbeddedDefaultName, [RuleSetLoader.EmbeddedDefaultSource], "default", fixture);
    }

    private static string? Existing(string file) => File.Exists(file) ? file : null;
}
