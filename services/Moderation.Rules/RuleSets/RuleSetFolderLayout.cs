using System.Text.RegularExpressions;

namespace Moderation.Rules.RuleSets;

/// <summary>
/// Where rulesets live in a rules folder: <c>default.yaml</c> extends the embedded pack for every site;
/// <c>sites/{siteId}.yaml</c> extends that for one site.
/// </summary>
public static partial class RuleSetFolderLayout
{
    public const string DefaultFileName = "default.yaml";
    public const string SitesFolderName = "sites";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex SiteIdPattern();

    /// <summary>The file of a site, or null when the id could not name a file safely (no paths from message data).</summary>
    public static string? SiteFile(string folder, string siteId) =>
        SiteIdPattern().IsMatch(siteId) && !siteId.Contains("..", StringComparison.Ordinal)
            ? Path.Combine(folder, SitesFolderName, siteId + ".yaml")
            : null;

    /// <summary>The site a file in the sites folder belongs to.</summary>
    public static string SiteIdOf(string siteFile) => Path.GetFileNameWithoutExtension(siteFile);
}
