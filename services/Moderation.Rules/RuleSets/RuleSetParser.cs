using System.Globalization;
using System.Text.RegularExpressions;
using Moderation.Rules.Matching;
using Moderation.Rules.Rules;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Moderation.Rules.RuleSets;

/// <summary>
/// Reads one YAML ruleset file into a <see cref="ParsedLayer"/>, collecting every error with its line and rule id
/// instead of stopping at the first. Unknown keys are errors: a typo must not silently disable a rule.
/// </summary>
internal sealed partial class RuleSetParser
{
    // Patterns run on the compiled backtracking engine, which is several times faster than the non-backtracking one
    // on the long alternations rules use; the timeout is what keeps a bad pattern from stalling a worker.
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);

    private static readonly HashSet<string> TopLevelKeys = ["inherit", "thresholds", "max_per_category", "allow", "disable", "rules", "description"];
    private static readonly HashSet<string> CommonRuleKeys =
        ["id", "kind", "category", "severity", "action", "weight", "max_count", "when", "enabled", "description"];

    private static readonly HashSet<string> Severities = ["low", "medium", "high", "critical"];

    private readonly string _file;
    private readonly List<RuleSetError> _errors;
    private string? _currentRule;

    private RuleSetParser(string file, List<RuleSetError> errors)
    {
        _file = file;
        _errors = errors;
    }

    public static ParsedLayer Parse(RuleSetSource source, List<RuleSetError> errors) =>
        new RuleSetParser(source.Name, errors).Parse(source.Text);

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$")]
    private static partial Regex RuleIdPattern();

    private ParsedLayer Parse(string text)
    {
        var layer = new ParsedLayer();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            Error(exception.Start.Line, $"not valid YAML: {exception.InnerException?.Message ?? exception.Message}");
            return layer;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return layer;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Error(stream.Documents[0].RootNode, "a ruleset is a mapping with 'rules', 'thresholds', 'allow', 'disable'");
            return layer;
        }

        foreach (var (keyNode, value) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? string.Empty;
            switch (key)
            {
                case "inherit":
                    layer.Inherit = Bool(value) ?? true;
                    break;
                case "thresholds":
                    ParseThresholds(value, layer);
                    break;
                case "max_per_category":
                    layer.MaxPerCategory = Number(value, 0.01, 1000);
                    break;
                case "allow":
                    layer.Allow.AddRange(ParseTerms(value, "allow"));
                    break;
                case "disable":
                    layer.Disable.AddRange(StringList(value));
                    break;
                case "rules":
                    ParseRules(value, layer);
                    break;
                case "description":
                    break;
                default:
                    Error(keyNode, $"unknown key '{key}' (expected one of {string.Join(", ", TopLevelKeys)})");
                    break;
            }
        }

        return layer;
    }

    private void ParseThresholds(YamlNode node, ParsedLayer layer)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(node, "thresholds is a mapping with 'flag' and 'reject'");
            return;
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value;
            var number = Number(value, 0, 1000);
            switch (key)
            {
                case "flag":
                    layer.FlagThreshold = number;
                    break;
                case "reject":
                    layer.RejectThreshold = number;
                    break;
                default:
                    Error(keyNode, $"unknown threshold '{key}' (expected flag or reject)");
                    break;
            }
        }
    }

    private void ParseRules(YamlNode node, ParsedLayer layer)
    {
        if (node is not YamlSequenceNode sequence)
        {
            Error(node, "rules is a list");
            return;
        }

        foreach (var item in sequence.Children)
        {
            _currentRule = null;
            if (item is not YamlMappingNode mapping)
            {
                Error(item, "each rule is a mapping with at least 'id' and 'kind'");
                continue;
            }

            var rule = ParseRule(mapping);
            if (rule is not null)
            {
                layer.Rules.Add(rule);
            }
            else if (_currentRule is not null && Bool(Get(mapping, "enabled")) == false)
            {
                layer.Disable.Add(_currentRule);
            }
        }

        _currentRule = null;
    }

    private Rule? ParseRule(YamlMappingNode mapping)
    {
        var id = Scalar(Get(mapping, "id"));
        if (id is null || !RuleIdPattern().IsMatch(id))
        {
            Error(mapping, "rule needs an 'id' of lower-case letters, digits, '.', '_' or '-'");
            return null;
        }

        _currentRule = id;
        var errorsBefore = _errors.Count;
        var kindName = Scalar(Get(mapping, "kind"));
        if (RuleKinds.Find(kindName) is not { } kind)
        {
            Error(mapping, $"'kind' must be one of {string.Join(", ", RuleKinds.Names)}");
            return null;
        }

        foreach (var (keyNode, _) in mapping.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? string.Empty;
            if (!CommonRuleKeys.Contains(key) && !kind.Keys.Contains(key))
            {
                Error(keyNode, $"unknown key '{key}' for a {kind.Name} rule");
            }
        }

        if (Bool(Get(mapping, "enabled")) == false)
        {
            return null;
        }

        var category = Scalar(Get(mapping, "category")) ?? kind.DefaultCategory;
        if (string.IsNullOrWhiteSpace(category))
        {
            Error(mapping, "rule needs a 'category' (profanity, slur, insult, threat, spam, link, ...)");
            category = "unknown";
        }

        var severity = Scalar(Get(mapping, "severity")) ?? "medium";
        if (!Severities.Contains(severity))
        {
            Error(Get(mapping, "severity")!, $"severity must be one of {string.Join(", ", Severities)}");
        }

        var action = RuleAction.None;
        var actionText = Scalar(Get(mapping, "action"));
        if (actionText is not null && !Enum.TryParse(actionText, ignoreCase: true, out action))
        {
            Error(Get(mapping, "action")!, "action must be none, flag or reject");
        }

        var weight = Number(Get(mapping, "weight"), 0, 100) ?? (action == RuleAction.None ? 1.0 : 0.0);
        if (weight == 0 && action == RuleAction.None)
        {
            Error(mapping, "rule has neither an action nor a weight, so it could never matter");
        }

        var common = new CommonFields(id, category, severity, action, weight,
            (int?)Number(Get(mapping, "max_count"), 1, 1000) ?? 1, ParseCondition(Get(mapping, "when")), (int)mapping.Start.Line);

        var rule = kind.Parse(this, mapping);

        return _errors.Count == errorsBefore && rule is not null ? Init(rule, common) : null;
    }

    private sealed record CommonFields(
        string Id, string Category, string Severity, RuleAction Action, double Weight, int MaxCount, RuleCondition? When, int Line);

    private Rule Init(Rule rule, CommonFields common)
    {
        rule.Id = common.Id;
        rule.Category = common.Category;
        rule.Severity = common.Severity;
        rule.Action = common.Action;
        rule.Weight = common.Weight;
        rule.MaxCount = common.MaxCount;
        rule.When = common.When;
        rule.SourceFile = _file;
        rule.SourceLine = common.Line;
        return rule;
    }

    internal LinkRule BuildLinks(YamlMappingNode mapping) => new()
    {
        MaxLinks = (int?)Number(Get(mapping, "max_links"), 0, 1000) ?? 0,
        AllowedDomains = StringList(Get(mapping, "allowed_domains")).Select(d => d.ToLowerInvariant()).ToArray(),
        DeniedDomains = StringList(Get(mapping, "denied_domains")).Select(d => d.ToLowerInvariant()).ToArray(),
        Shorteners = Bool(Get(mapping, "shorteners")) ?? false,
    };

    internal CapitalsRule BuildCapitals(YamlMappingNode mapping) => new()
    {
        MinLetters = (int?)Number(Get(mapping, "min_letters"), 1, 100_000) ?? 20,
        MaxShare = Number(Get(mapping, "max_share"), 0.01, 1) ?? 0.7,
    };

    internal PersonalDataRule BuildPersonalData(YamlMappingNode mapping) => new()
    {
        Emails = Bool(Get(mapping, "emails")) ?? true,
        Phones = Bool(Get(mapping, "phones")) ?? true,
    };

    internal DuplicateRule BuildDuplicate(YamlMappingNode mapping) => new()
    {
        Window = Duration(Get(mapping, "window")) ?? TimeSpan.FromHours(1),
        MinSimilarity = Number(Get(mapping, "min_similarity"), 0.1, 1) ?? 0.9,
        MinLetters = (int?)Number(Get(mapping, "min_letters"), 1, 100_000) ?? 12,
    };

    internal FloodRule BuildFlood(YamlMappingNode mapping) => new()
    {
        Window = Duration(Get(mapping, "window")) ?? TimeSpan.FromMinutes(10),
        MaxComments = (int?)Number(Get(mapping, "max_comments"), 1, 100_000) ?? 5,
    };

    internal TermsRule? BuildTerms(YamlMappingNode mapping)
    {
        var termsNode = Get(mapping, "terms");
        if (termsNode is null)
        {
            Error(mapping, "a terms rule needs 'terms'");
            return null;
        }

        var patterns = new List<TermPattern>();
        foreach (var written in ParseTerms(termsNode, "terms"))
        {
            var pattern = TermPattern.Parse(written, out _);
            if (pattern is not null)
            {
                patterns.Add(pattern);
            }
        }

        return new TermsRule
        {
            Terms = patterns,
        };
    }

    internal ProximityRule? BuildProximity(YamlMappingNode mapping)
    {
        var termsNode = Get(mapping, "terms");
        var nearNode = Get(mapping, "near");
        if (termsNode is null || nearNode is null)
        {
            Error(mapping, "a proximity rule needs 'terms' and 'near'");
            return null;
        }

        return new ProximityRule
        {
            Terms = Patterns(termsNode, "terms"),
            NearTerms = Patterns(nearNode, "near"),
            MaxWordsBetween = (int?)Number(Get(mapping, "max_words_between"), 0, 50) ?? 5,
        };
    }

    private List<TermPattern> Patterns(YamlNode node, string what) =>
        [.. ParseTerms(node, what).Select(written => TermPattern.Parse(written, out _)).OfType<TermPattern>()];

    internal RegexRule? BuildRegex(YamlMappingNode mapping)
    {
        var patternNode = Get(mapping, "pattern");
        var pattern = Scalar(patternNode);
        if (pattern is null)
        {
            Error(mapping, "a regex rule needs a 'pattern'");
            return null;
        }

        var target = Scalar(Get(mapping, "target")) ?? "original";
        if (target is not ("original" or "normalized"))
        {
            Error(Get(mapping, "target")!, "target must be original or normalized");
        }

        var options = RegexOptions.CultureInvariant;
        if (Bool(Get(mapping, "case_sensitive")) != true)
        {
            options |= RegexOptions.IgnoreCase;
        }

        try
        {
            return new RegexRule
            {
                Pattern = CompileRegex(pattern, options),
                OnNormalizedText = target == "normalized",
            };
        }
        catch (ArgumentException exception)
        {
            Error(patternNode!, $"pattern is not a valid regular expression: {exception.Message}");
            return null;
        }
    }

    /// <summary>
    /// The non-backtracking engine when the pattern allows it: linear in the text, so no timeout and no decision
    /// that depends on how loaded the machine is. Patterns it cannot run (lookarounds, backreferences, atomic
    /// groups) use the backtracking engine with a match timeout, so they can never stall a worker.
    /// </summary>
    private static Regex CompileRegex(string pattern, RegexOptions options)
    {
        try
        {
            return new Regex(pattern, options | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            var regex = new Regex(pattern, options | RegexOptions.Compiled, RegexTimeout);

            // The first match JIT-compiles the generated code inside the timeout: on a loaded machine that alone can
            // exceed it and leave the rule silent on its first comment. Pay it here, at load.
            try
            {
                regex.IsMatch("warm up 0");
            }
            catch (RegexMatchTimeoutException)
            {
                // Timed out while compiling: the code is compiled all the same.
            }

            return regex;
        }
    }

    internal LengthRule? BuildLength(YamlMappingNode mapping)
    {
        var min = (int?)Number(Get(mapping, "min_chars"), 0, 1_000_000);
        var max = (int?)Number(Get(mapping, "max_chars"), 1, 1_000_000);
        if (min is null && max is null)
        {
            Error(mapping, "a length rule needs min_chars or max_chars");
        }

        return new LengthRule
        {
            MinChars = min, MaxChars = max,
        };
    }

    internal RepetitionRule? BuildRepetition(YamlMappingNode mapping)
    {
        var maxRun = (int?)Number(Get(mapping, "max_char_run"), 1, 100_000);
        var maxRepeats = (int?)Number(Get(mapping, "max_word_repeats"), 1, 100_000);
        if (maxRun is null && maxRepeats is null)
        {
            Error(mapping, "a repetition rule needs max_char_run or max_word_repeats");
        }

        return new RepetitionRule
        {
            MaxCharRun = maxRun, MaxWordRepeats = maxRepeats,
        };
    }

    private RuleCondition? ParseCondition(YamlNode? node)
    {
        if (node is null)
        {
            return null;
        }

        var keys = string.Join(", ", RuleCondition.Keys);
        if (node is not YamlMappingNode mapping)
        {
            Error(node, $"'when' is a mapping with one or more of {keys}");
            return null;
        }

        foreach (var (keyNode, _) in mapping.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value;
            if (key is null || !RuleCondition.Keys.Contains(key))
            {
                Error(keyNode, $"unknown condition '{key}' (expected {keys})");
            }
        }

        var condition = new RuleCondition
        {
            AccountAgeDaysUnder = (int?)Number(Get(mapping, "account_age_days_under"), 1, 100_000),
            AccountAgeDaysUnknownOrUnder = (int?)Number(Get(mapping, "account_age_days_unknown_or_under"), 1, 100_000),
            ApprovedCommentsUnder = (int?)Number(Get(mapping, "approved_comments_under"), 1, 100_000),
            TextCharsUnder = (int?)Number(Get(mapping, "text_chars_under"), 1, 1_000_000),
            ReportsAtLeast = (int?)Number(Get(mapping, "reports_at_least"), 1, 100_000),
        };
        return condition == new RuleCondition() ? null : condition;
    }

    private List<string> ParseTerms(YamlNode node, string what)
    {
        var terms = new List<string>();
        if (node is not YamlSequenceNode sequence)
        {
            Error(node, $"'{what}' is a list of terms");
            return terms;
        }

        foreach (var item in sequence.Children)
        {
            var written = Scalar(item);
            if (written is null)
            {
                Error(item, $"each entry of '{what}' is a term");
                continue;
            }

            if (TermPattern.Parse(written, out var error) is null)
            {
                Error(item, error!);
                continue;
            }

            terms.Add(written);
        }

        return terms;
    }

    private List<string> StringList(YamlNode? node)
    {
        var values = new List<string>();
        if (node is null)
        {
            return values;
        }

        if (node is not YamlSequenceNode sequence)
        {
            Error(node, "expected a list");
            return values;
        }

        foreach (var item in sequence.Children)
        {
            if (Scalar(item) is { } value)
            {
                values.Add(value);
            }
            else
            {
                Error(item, "expected a plain value");
            }
        }

        return values;
    }

    private static YamlNode? Get(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlNode? node) => node is YamlScalarNode scalar ? scalar.Value : null;

    private bool? Bool(YamlNode? node)
    {
        if (node is null)
        {
            return null;
        }

        if (Scalar(node) is { } text && bool.TryParse(text, out var value))
        {
            return value;
        }

        Error(node, "expected true or false");
        return null;
    }

    private double? Number(YamlNode? node, double min, double max)
    {
        if (node is null)
        {
            return null;
        }

        if (Scalar(node) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            if (value >= min && value <= max)
            {
                return value;
            }

            Error(node, $"{text} is out of range [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]");
            return null;
        }

        Error(node, "expected a number");
        return null;
    }

    /// <summary>Durations are written like <c>90s</c>, <c>10m</c>, <c>24h</c>, <c>7d</c>.</summary>
    private TimeSpan? Duration(YamlNode? node)
    {
        if (node is null)
        {
            return null;
        }

        var text = Scalar(node);
        if (text is { Length: >= 2 } && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
            && amount > 0)
        {
            TimeSpan? duration = text[^1] switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                _ => null,
            };
            if (duration is { } value && value <= TimeSpan.FromDays(30))
            {
                return value;
            }
        }

        Error(node, "expected a duration up to 30d such as 90s, 10m, 24h or 7d");
        return null;
    }

    private void Error(YamlNode node, string message) => Error(node.Start.Line, message);

    private void Error(long line, string message) => _errors.Add(new RuleSetError(_file, (int)line, _currentRule, message));
}
