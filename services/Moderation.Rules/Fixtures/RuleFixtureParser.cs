using System.Globalization;
using Moderation.Contracts;
using Moderation.Rules.RuleSets;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Moderation.Rules.Fixtures;

/// <summary>
/// Reads a fixture file: <c>tests: [{text, expect: approve|flag|reject, rules?: [...], account_age_days?,
/// approved_comments?}]</c>. Every problem is reported with its line; unknown keys are errors, as in rulesets.
/// </summary>
public static class RuleFixtureParser
{
    private static readonly string[] CaseKeys = ["text", "expect", "rules", "account_age_days", "approved_comments"];

    public static IReadOnlyList<RuleFixture> Parse(string file, string text, List<RuleSetError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            errors.Add(new RuleSetError(file, (int)exception.Start.Line, null, $"not valid YAML: {exception.InnerException?.Message ?? exception.Message}"));
            return [];
        }

        if (stream.Documents.Count == 0
            || stream.Documents[0].RootNode is not YamlMappingNode root
            || root.Children.Count != 1
            || !root.Children.TryGetValue(new YamlScalarNode("tests"), out var testsNode)
            || testsNode is not YamlSequenceNode tests)
        {
            errors.Add(new RuleSetError(file, 1, null, "a fixture file is a mapping with one key, 'tests', a list of {text, expect, rules?}"));
            return [];
        }

        var fixtures = new List<RuleFixture>();
        foreach (var node in tests.Children)
        {
            if (ParseCase(file, node, errors) is { } fixture)
            {
                fixtures.Add(fixture);
            }
        }

        return fixtures;
    }

    private static RuleFixture? ParseCase(string file, YamlNode node, List<RuleSetError> errors)
    {
        var line = (int)node.Start.Line;
        void Error(YamlNode at, string message) => errors.Add(new RuleSetError(file, (int)at.Start.Line, null, message));

        if (node is not YamlMappingNode mapping)
        {
            Error(node, "a test is a mapping with text, expect and optionally rules");
            return null;
        }

        var valid = true;
        foreach (var (keyNode, _) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            if (key is null || !CaseKeys.Contains(key))
            {
                Error(keyNode, $"unknown key '{key}' (expected one of {string.Join(", ", CaseKeys)})");
                valid = false;
            }
        }

        var text = Get(mapping, "text") as YamlScalarNode;
        if (text?.Value is null)
        {
            Error(node, "'text' is missing");
            valid = false;
        }

        DecisionOutcome expect = default;
        var expectNode = Get(mapping, "expect");
        if (expectNode is not YamlScalarNode { Value: "approve" or "flag" or "reject" } expectScalar)
        {
            Error(expectNode ?? node, "'expect' is approve, flag or reject");
            valid = false;
        }
        else
        {
            expect = expectScalar.Value switch
            {
                "approve" => DecisionOutcome.Approve,
                "flag" => DecisionOutcome.Flag,
                _ => DecisionOutcome.Reject,
            };
        }

        var rules = new List<string>();
        switch (Get(mapping, "rules"))
        {
            case null:
                break;
            case YamlSequenceNode sequence when sequence.Children.All(child => child is YamlScalarNode { Value: not null }):
                rules.AddRange(sequence.Children.Select(child => ((YamlScalarNode)child).Value!));
                break;
            case var other:
                Error(other, "'rules' is a list of rule ids");
                valid = false;
                break;
        }

        var accountAge = Count(mapping, "account_age_days", Error, ref valid);
        var approved = Count(mapping, "approved_comments", Error, ref valid);
        return valid ? new RuleFixture(file, line, text!.Value!, expect, rules, accountAge, approved) : null;
    }

    private static int? Count(YamlMappingNode mapping, string key, Action<YamlNode, string> error, ref bool valid)
    {
        var node = Get(mapping, key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } text } && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        error(node, $"'{key}' is a whole number of 0 or more");
        valid = false;
        return null;
    }

    private static YamlNode? Get(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
}
