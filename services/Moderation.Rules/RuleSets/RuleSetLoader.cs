using System.Security.Cryptography;
using System.Text;
using Moderation.Rules.Rules;

namespace Moderation.Rules.RuleSets;

/// <summary>
/// Builds rulesets from YAML layers: the embedded default pack first, then any number of files that extend or
/// override it (same rule id replaces, <c>disable</c> removes, <c>inherit: false</c> starts afresh).
/// </summary>
public static class RuleSetLoader
{
    public const string EmbeddedDefaultName = "embedded:default.yaml";
    public const double DefaultFlagThreshold = 1.0;
    public const double DefaultRejectThreshold = 4.0;

    private static readonly Lazy<string> EmbeddedText = new(ReadEmbeddedDefault);
    private static readonly Lazy<RuleSet> EmbeddedDefault = new(() => Compile([EmbeddedDefaultSource]));

    public static RuleSetSource EmbeddedDefaultSource => new(EmbeddedDefaultName, EmbeddedText.Value);

    /// <summary>The embedded default pack, compiled once.</summary>
    public static RuleSet Default => EmbeddedDefault.Value;

    /// <summary>Compiles the layers, lowest first. Throws <see cref="RuleSetException"/> listing every error found.</summary>
    public static RuleSet Compile(IReadOnlyList<RuleSetSource> layers)
    {
        var errors = new List<RuleSetError>();
        var rules = new List<Rule>();
        var allow = new List<string>();
        double? flag = null;
        double? reject = null;
        double? maxPerCategory = null;
        foreach (var source in layers)
        {
            var layer = RuleSetParser.Parse(source, errors);
            if (!layer.Inherit)
            {
                rules.Clear();
                allow.Clear();
                flag = null;
                reject = null;
                maxPerCategory = null;
            }

            flag = layer.FlagThreshold ?? flag;
            reject = layer.RejectThreshold ?? reject;
            maxPerCategory = layer.MaxPerCategory ?? maxPerCategory;
            allow.AddRange(layer.Allow);
            rules.RemoveAll(rule => layer.Disable.Contains(rule.Id));
            foreach (var twice in layer.Rules.GroupBy(rule => rule.Id).Where(group => group.Count() > 1))
            {
                errors.Add(new RuleSetError(source.Name, twice.Last().SourceLine, twice.Key, "the same id is used twice in one file"));
            }

            foreach (var rule in layer.Rules)
            {
                var existing = rules.FindIndex(r => r.Id == rule.Id);
                if (existing >= 0)
                {
                    rules[existing] = rule;
                }
                else
                {
                    rules.Add(rule);
                }
            }
        }

        var flagThreshold = flag ?? DefaultFlagThreshold;
        var rejectThreshold = reject ?? DefaultRejectThreshold;
        if (rejectThreshold < flagThreshold && layers.Count > 0)
        {
            errors.Add(new RuleSetError(layers[^1].Name, 1, null, $"reject threshold {rejectThreshold} is below flag threshold {flagThreshold}"));
        }

        if (errors.Count > 0)
        {
            throw new RuleSetException(errors);
        }

        return new RuleSet(VersionOf(layers), flagThreshold, rejectThreshold, maxPerCategory ?? double.PositiveInfinity, rules, allow, [.. layers.Select(l => l.Name)]);
    }

    /// <summary>Parses the layers only to report their errors; an empty list means they compile.</summary>
    public static IReadOnlyList<RuleSetError> Validate(IReadOnlyList<RuleSetSource> layers)
    {
        try
        {
            Compile(layers);
            return [];
        }
        catch (RuleSetException exception)
        {
            return exception.Errors;
        }
    }

    /// <summary>
    /// Loads a ruleset path for tools: a file is a layer over the embedded default; a folder is laid out as the
    /// provider reads it (<c>default.yaml</c>, <c>sites/{site}.yaml</c>, <c>sites/{site}/sections/{section}.yaml</c>).
    /// </summary>
    public static RuleSet LoadPath(string path, string? siteId = null, string? section = null) => Compile(LayersForPath(path, siteId, section));

    public static IReadOnlyList<RuleSetSource> LayersForPath(string path, string? siteId = null, string? section = null)
    {
        var layers = new List<RuleSetSource> { EmbeddedDefaultSource };
        if (File.Exists(path))
        {
            layers.Add(new RuleSetSource(path, File.ReadAllText(path)));
            return layers;
        }

        if (!Directory.Exists(path))
        {
            throw new FileNotFoundException($"No ruleset file or folder at '{path}'", path);
        }

        var folderDefault = Path.Combine(path, RuleSetFolderLayout.DefaultFileName);
        if (File.Exists(folderDefault))
        {
            layers.Add(new RuleSetSource(folderDefault, File.ReadAllText(folderDefault)));
        }

        if (siteId is not null && RuleSetFolderLayout.SiteFile(path, siteId) is { } siteFile && File.Exists(siteFile))
        {
            layers.Add(new RuleSetSource(siteFile, File.ReadAllText(siteFile)));
        }

        if (siteId is not null && !string.IsNullOrEmpty(section) &&
            RuleSetFolderLayout.SectionFile(path, siteId, section) is { } sectionFile && File.Exists(sectionFile))
        {
            layers.Add(new RuleSetSource(sectionFile, File.ReadAllText(sectionFile)));
        }

        return layers;
    }

    internal static string VersionOf(IReadOnlyList<RuleSetSource> layers)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        // The engine's code decides too: its module id (stable for identical source, as builds are deterministic)
        // makes a new engine a new version even when the rule files are unchanged.
        hash.AppendData(typeof(RuleSetLoader).Module.ModuleVersionId.ToByteArray());
        foreach (var layer in layers)
        {
            // Names are left out so the same rules read from another path keep their version.
            hash.AppendData(Encoding.UTF8.GetBytes(layer.Text));
            hash.AppendData([0]);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }

    private static string ReadEmbeddedDefault()
    {
        using var stream = typeof(RuleSetLoader).Assembly.GetManifestResourceStream("Moderation.Rules.Packs.default.yaml")
            ?? throw new InvalidOperationException("The default rule pack is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
