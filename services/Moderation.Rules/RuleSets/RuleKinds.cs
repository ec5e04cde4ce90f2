using Moderation.Rules.Matching;
using Moderation.Rules.Rules;

namespace Moderation.Rules.RuleSets;

/// <summary>
/// The one table of rule kinds. Adding a kind is a rule class and one entry here: the parser takes the keys, default
/// category and builder from it, the ruleset the terms and lookback, the engine whether it pairs near terms.
/// </summary>
internal static class RuleKinds
{
    public static readonly IReadOnlyList<RuleKind> All =
    [
        new("terms", ["terms"], (parser, mapping) => parser.BuildTerms(mapping))
        {
            Terms = (rule, index) => ((TermsRule)rule).Terms.Select(pattern => new CompiledTerm(pattern, index)),
        },
        new("proximity", ["terms", "near", "max_words_between"], (parser, mapping) => parser.BuildProximity(mapping))
        {
            Terms = (rule, index) => ((ProximityRule)rule).Terms.Select(pattern => new CompiledTerm(pattern, index))
                .Concat(((ProximityRule)rule).NearTerms.Select(pattern => new CompiledTerm(pattern, index, IsNear: true))),
            PairsNearTerms = true,
        },
        new("regex", ["pattern", "target", "case_sensitive"], (parser, mapping) => parser.BuildRegex(mapping)),
        new("links", ["max_links", "allowed_domains", "denied_domains", "shorteners"], (parser, mapping) => parser.BuildLinks(mapping))
        {
            DefaultCategory = "link",
        },
        new("length", ["min_chars", "max_chars"], (parser, mapping) => parser.BuildLength(mapping)) { DefaultCategory = "length" },
        new("capitals", ["min_letters", "max_share"], (parser, mapping) => parser.BuildCapitals(mapping)) { DefaultCategory = "shouting" },
        new("repetition", ["max_char_run", "max_word_repeats"], (parser, mapping) => parser.BuildRepetition(mapping)) { DefaultCategory = "spam" },
        new("personal_data", ["emails", "phones"], (parser, mapping) => parser.BuildPersonalData(mapping)) { DefaultCategory = "pii" },
        new("duplicate", ["window", "min_similarity", "min_letters"], (parser, mapping) => parser.BuildDuplicate(mapping))
        {
            DefaultCategory = "duplicate",
            Lookback = rule => ((DuplicateRule)rule).Window,
        },
        new("flood", ["window", "max_comments"], (parser, mapping) => parser.BuildFlood(mapping))
        {
            DefaultCategory = "flood",
            Lookback = rule => ((FloodRule)rule).Window,
        },
    ];

    private static readonly Dictionary<string, RuleKind> ByName = All.ToDictionary(kind => kind.Name, StringComparer.Ordinal);

    public static IEnumerable<string> Names => All.Select(kind => kind.Name);

    public static RuleKind? Find(string? name) => name is not null && ByName.TryGetValue(name, out var kind) ? kind : null;

    /// <summary>The kind of a built rule.</summary>
    public static RuleKind Of(Rule rule) => ByName[rule.Kind];
}
