using System.Text.RegularExpressions;

namespace Moderation.Rules.RuleSets;

/// <summary>
/// Where rulesets live in a rules folder: <c>default.yaml</c> extends the embedded pack for every site;
/// <c>sites/{siteId}.yaml</c> extends that for one site. Beside each ruleset file, <c>{name}.tests.yaml</c> holds its test
/// cases (<c>default.tests.yaml</c>, <c>sites/{siteId}.tests.yaml</c>); those are never rulesets.
/// </summary>
public static partial class RuleSetFolderLayout
{
    public const string DefaultFileName = "default.yaml";
    public const string SitesFolderName = "sites";
    public const string FixtureSuffix = ".tests.yaml";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex SiteIdPattern();

    /// <summary>The file of a site, or null when the id could not name a file safely (no paths from message data).</summary>
    public static string? SiteFile(string folder, string siteId) =>
        SiteIdPattern().IsMatch(siteId) && !siteId.Contains("..", StringComparison.Ordinal)
            ? Path.Combine(folder, SitesFolderName, siteId + ".yaml")
            : null;

    /// <summary>The site a file in the sites folder belongs to.</summary>
    public static string SiteIdOf(string siteFile) => Path.GetFileNameWithoutExtension(siteFile);

    /// <summary>The site ruleset files of a rules folder, in name order, without the fixture files beside them.</summary>
    public static IReadOnlyList<string> SiteFiles(string folder)
    {
        var sites = Path.Combine(folder, SitesFolderName);
        return Directory.Exists(sites)
            ? [.. Directory.GetFiles(sites, "*.yaml").Where(file => !IsFixtureFile(file)).Order(StringComparer.Ordinal)]
            : [];
    }

    /// <summary>Whether a file holds test cases rather than rules.</summary>
    public static bool IsFixtureFile(string path) => path.EndsWith(FixtureSuffix, StringComparison.Ordinal);

    /// <summary>The fixture file that belongs beside a ruleset file (which need not exist).</summary>
    public static string FixtureFileOf(string rulesetFile) =>
        Path.Combine(Path.GetDirectoryName(rulesetFile) ?? string.Empty, Path.GetFileNameWithoutExtension(rulesetFile) + FixtureSuffix);

    /// <summary>The ruleset file a fixture file belongs beside.</summary>
    public static string RulesetFileOf(string fixtureFile) => fixtureFile[..^FixtureSuffix.Length] + ".yaml";
}
