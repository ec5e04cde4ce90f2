using System.Text.RegularExpressions;

namespace Moderation.Rules.Rules;

/// <summary>Fires on e-mail addresses and phone numbers, which a public comment should not expose.</summary>
public sealed partial class PersonalDataRule : Rule
{
    private const int MinPhoneDigits = 7;

    public bool Emails { get; init; } = true;

    public bool Phones { get; init; } = true;

    public override string Kind => "personal_data";

    // No match timeout on either pattern: a wall-clock timeout makes the decision depend on how loaded the machine
    // is (under load the first match, which JIT-compiles the matcher, alone can exceed it). The e-mail pattern runs on
    // the non-backtracking engine, linear in the text; every quantifier of the phone pattern is bounded, so each
    // attempt reads at most a few dozen characters and the scan is linear too.
    private static readonly Regex Email = new(
        @"[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    // Not part of a longer number: "3.406.118.275" plays or "1,234,567" votes are no phone numbers.
    [GeneratedRegex(@"(?<![\d.,])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)|\b\d{2,4})[\s.-]?\d{3,4}[\s.-]?\d{3,4}\b(?![.,]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    internal override void Evaluate(EvaluationContext context, HitCollector hits)
    {
        Find(context, hits);
    }

    private void Find(EvaluationContext context, HitCollector hits)
    {
        var original = context.Original;
        if (Emails && MayHoldEmail(original))
        {
            foreach (var match in Email.EnumerateMatches(original))
            {
                hits.Add(this, original, match.Index, match.Length);
            }
        }

        if (Phones && context.Text.DigitCount >= MinPhoneDigits && MayHoldPhoneNumber(original))
        {
            foreach (var match in PhonePattern().EnumerateMatches(original))
            {
                if (CountDigits(original.AsSpan(match.Index, match.Length)) >= MinPhoneDigits)
                {
                    hits.Add(this, original, match.Index, match.Length);
                }
            }
        }
    }

    /// <summary>
    /// Whether an '@' has a character before it and, after it, a run of host characters that ends in a dot: every
    /// e-mail address does, most texts with an '@' (mentions) do not. Any non-ASCII character counts as a host
    /// character, as case-insensitive matching lets some of them match.
    /// </summary>
    private static bool MayHoldEmail(string text)
    {
        for (var at = text.IndexOf('@'); at >= 0; at = text.IndexOf('@', at + 1))
        {
            if (at == 0)
            {
                continue;
            }

            var end = at + 1;
            while (end < text.Length && (text[end] >= 128 || char.IsAsciiLetterOrDigit(text[end]) || text[end] == '-'))
            {
                end++;
            }

            if (end > at + 1 && end < text.Length && text[end] == '.')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether some stretch of digits, whitespace and <c>. - ( ) +</c> holds at least 8 digits: every text the phone
    /// pattern matches does (2 + 3 + 3 digits at least). Counts what the pattern's <c>\d</c> and <c>\s</c> match.
    /// </summary>
    private static bool MayHoldPhoneNumber(string text)
    {
        const int MinPatternDigits = 8;
        var digits = 0;
        foreach (var c in text)
        {
            if (char.IsDigit(c))
            {
                if (++digits >= MinPatternDigits)
                {
                    return true;
                }
            }
            else if (!char.IsWhiteSpace(c) && c is not ('.' or '-' or '(' or ')' or '+'))
            {
                digits = 0;
            }
        }

        return false;
    }

    private static int CountDigits(ReadOnlySpan<char> span)
    {
        var digits = 0;
        foreach (var c in span)
        {
            if (c is >= '0' and <= '9')
            {
                digits++;
            }
        }

        return digits;
    }
}
