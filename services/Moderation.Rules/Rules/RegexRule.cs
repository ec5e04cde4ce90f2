using System.Text.RegularExpressions;

namespace Moderation.Rules.Rules;

/// <summary>
/// A regular expression, on the non-backtracking engine where the pattern allows it, else with a match timeout, so no
/// pattern can stall a worker (a timed-out rule does not fire; see <c>RuleSetParser.CompileRegex</c>).
/// It reads the original text, or the normalized one (lower case, look-alikes and leetspeak folded, separators as
/// single spaces) where evasions are already undone.
/// </summary>
public sealed class RegexRule : Rule
{
    private readonly Regex _pattern = null!;

    public required Regex Pattern
    {
        get => _pattern;
        init
        {
            _pattern = value;
            NeedsDigit = RegexDigitRequirement.Holds(value);
        }
    }

    public bool OnNormalizedText { get; init; }

    /// <summary>Every match holds a digit (see <see cref="RegexDigitRequirement"/>): a text without one is skipped.</summary>
    internal bool NeedsDigit { get; private init; }

    public override string Kind => "regex";

    internal override void Evaluate(EvaluationContext context, HitCollector hits)
    {
        var text = context.Text;
        var input = OnNormalizedText ? text.PrimarySpan : context.Original.AsSpan();
        if (NeedsDigit && !HasDigit(input))
        {
            return;
        }

        try
        {
            foreach (var match in Pattern.EnumerateMatches(input))
            {
                if (match.Length == 0)
                {
                    continue;
                }

                if (OnNormalizedText)
                {
                    var (start, length) = text.OriginalSpan(match.Index, match.Index + match.Length - 1);
                    hits.Add(this, context.Original, start, length);
                }
                else
                {
                    hits.Add(this, context.Original, match.Index, match.Length);
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A pattern that backtracks catastrophically on this text: better one rule silent than a stalled worker.
        }
    }

    /// <summary>Whether the text holds a character <c>\d</c> matches: an ASCII digit, or another decimal digit.</summary>
    private static bool HasDigit(ReadOnlySpan<char> input)
    {
        if (input.IndexOfAnyInRange('0', '9') >= 0)
        {
            return true;
        }

        if (!input.ContainsAnyExceptInRange('\0', '\u007f'))
        {
            return false;
        }

        foreach (var c in input)
        {
            if (c >= 128 && char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }
}
