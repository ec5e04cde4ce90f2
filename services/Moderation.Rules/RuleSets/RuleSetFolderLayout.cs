using System.Text.RegularExpressions;

namespace Moderation.Rules.RuleSets;

/// <summary>
/// Where rulesets live in a rules folder: <c>default.yaml</c> extends the embedded pack for every site;
/// <c>sites/{siteId}.yaml</c> extends that for one site; <c>sites/{siteId}/sections/{section}.yaml</c> extends the site's
/// rules for the articles of one section. Beside each ruleset file, <c>{name}.tests.yaml</c> holds its test
/// cases (<c>default.tests.yaml</c>, <c>sites/{siteId}.tests.yaml</c>); those are never rulesets.
/// </summary>
public static partial class RuleSetFolderLayout
{
    public const string DefaultFileName = "default.yaml";
    public const string SitesFolderName = "sites";
    public const string SectionsFolderName = "sections";
    public const string FixtureSuffix = ".tests.yaml";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex SiteIdPattern();

    /// <summary>The file of a site, or null when the id could not name a file safely (no paths from message data).</summary>
    public static string? SiteFile(string folder, string siteId) =>
        IsSafeName(siteId)
            ? Path.Combine(folder, SitesFolderName, siteId + ".yaml")
            : null;

    /// <summary>
    /// The file of a section of a site, or null when the ids could not name a file safely. Section files are named in
    /// lower case: a section is looked up whatever its case.
    /// </summary>
    public static string? SectionFile(string folder, string siteId, string section) =>
        SiteFile(folder, siteId) is not null && IsSafeName(section)
            ? Path.Combine(folder, SitesFolderName, siteId, SectionsFolderName, section.ToLowerInvariant() + ".yaml")
            : null;

    /// <summary>
    /// The section ruleset files of a rules folder (<c>sites/{siteId}/sections/*.yaml</c>), in name order, without their
    /// fixture files, and only in folders whose name is a site id.
    /// </summary>
    public static IReadOnlyList<string> SectionFiles(string folder)
    {
        var sites = Path.Combine(folder, SitesFolderName);
        if (!Directory.Exists(sites))
        {
            return [];
        }

        return [.. Directory.GetDirectories(sites)
            .Where(site => IsSafeName(Path.GetFileName(site)))
            .Select(site => Path.Combine(site, SectionsFolderName))
            .Where(Directory.Exists)
            .SelectMany(sections => Directory.GetFiles(sections, "*.yaml"))
            .Where(file => !IsFixtureFile(file) && IsSafeName(Path.GetFileNameWithoutExtension(file)))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The site and the (lower-case) section a section file belongs to.</summary>
    public static (string SiteId, string Section) SectionOf(string sectionFile)
    {
        var sectionsFolder = Path.GetDirectoryName(sectionFile) ?? string.Empty;
        var siteFolder = Path.GetDirectoryName(sectionsFolder) ?? string.Empty;
        return (Path.GetFileName(siteFolder), Path.GetFileNameWithoutExtension(sectionFile).ToLowerInvariant());
    }

    /// <summary>Whether a file lies in a sections folder of a site (<c>sites/{siteId}/sections/</c>).</summary>
    public static bool IsInSectionsFolder(string file)
    {
        var sectionsFolder = Path.GetDirectoryName(Path.GetFullPath(file)) ?? string.Empty;
        var sitesFolder = Path.GetDirectoryName(Path.GetDirectoryName(sectionsFolder) ?? string.Empty) ?? string.Empty;
        return Path.GetFileName(sectionsFolder) == SectionsFolderName && Path.GetFileName(sitesFolder) == SitesFolderName;
    }

    private static bool IsSafeName(string name) => SiteIdPattern().IsMatch(name) && !name.Contains("..", StringComparison.Ordinal);

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
