using Moderation.Contracts;

namespace Moderation.Storage.Mongo.Documents;

internal sealed class RuleHitDocument
{
    public string Rule { get; set; } = "";

    public string Category { get; set; } = "";

    public string Severity { get; set; } = "";

    public int Start { get; set; }

    public int Length { get; set; }

    public string Match { get; set; } = "";

    public static RuleHitDocument From(RuleHit hit) => new()
    {
        Rule = hit.Rule,
        Category = hit.Category,
        Severity = hit.Severity,
        Start = hit.Start,
        Length = hit.Length,
        Match = hit.Match,
    };

    public RuleHit ToRecord() => new(Rule, Category, Severity, Start, Length, Match);
}
