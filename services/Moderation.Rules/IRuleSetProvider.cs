namespace Moderation.Rules;

/// <summary>Gives the ruleset in force for a site, or for one section of a site's articles.</summary>
public interface IRuleSetProvider
{
    /// <summary>
    /// Never throws for an unknown site: such a site gets the default pack. A section without rules of its own (or none
    /// given) gets the site's ruleset.
    /// </summary>
    RuleSet ForSite(string siteId, string? section = null);
}
