using Moderation.Rules.Rules;

namespace Moderation.Rules.RuleSets;

/// <summary>One ruleset file as written, before it is merged over the layers below it.</summary>
internal sealed class ParsedLayer
{
    public bool Inherit { get; set; } = true;

    public double? FlagThreshold { get; set; }

    public double? RejectThreshold { get; set; }

    public double? MaxPerCategory { get; set; }

    public List<string> Allow { get; } = [];

    public List<string> Disable { get; } = [];

    public List<Rule> Rules { get; } = [];
}
