namespace Moderation.Rules;

/// <summary>Gives the ruleset in force for a site.</summary>
public interface IRuleSetProvider
{
    /// <summary>Never throws for an unknown site: such a site gets the default pack.</summary>
    RuleSet ForSite(string siteId);
}
