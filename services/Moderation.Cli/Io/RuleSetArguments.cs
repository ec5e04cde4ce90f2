using Moderation.Rules;
using Moderation.Rules.RuleSets;

namespace Moderation.Cli.Io;

/// <summary>
/// Turns <c>--rules</c>, <c>--site</c> and <c>--section</c> into a ruleset: the embedded default pack when no path is given.
/// </summary>
internal static class RuleSetArguments
{
    public static RuleSet Load(string? rulesPath, string? siteId, string? section = null) =>
        rulesPath is null ? RuleSetLoader.Default : RuleSetLoader.LoadPath(rulesPath, siteId, section);

    /// <summary>Loads the ruleset, or writes why it cannot be loaded to <paramref name="error"/> and returns null.</summary>
    public static RuleSet? TryLoad(string? rulesPath, string? siteId, TextWriter error, string? section = null)
    {
        try
        {
            return Load(rulesPath, siteId, section);
        }
        catch (Exception exception) when (exception is RuleSetException or FileNotFoundException)
        {
            error.WriteLine(exception.Message);
            return null;
        }
    }
}
