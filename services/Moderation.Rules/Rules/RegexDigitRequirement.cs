using System.Text.RegularExpressions;

namespace Moderation.Rules.Rules;

/// <summary>
/// Whether every match of a pattern holds a digit: true when <c>\d</c> stands, at least once, in the pattern's top
/// level (outside groups, with no top-level alternation). A text without a digit then needs no regex run: a
/// vectorised digit search costs less than a scan by either regex engine. Conservative: any construct it does not follow
/// (inline options, comments, free-spacing mode) makes it answer false, so a pattern always runs when in doubt.
/// </summary>
internal static class RegexDigitRequirement
{
    public static bool Holds(Regex regex)
    {
        if ((regex.Options & RegexOptions.IgnorePatternWhitespace) != 0)
        {
            return false;
        }

        var pattern = regex.ToString();
        var depth = 0;
        var needsDigit = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '\\' when i + 1 < pattern.Length:
                    i++;
                    if (depth == 0 && pattern[i] == 'd' && !OptionalQuantifierAt(pattern, i + 1))
                    {
                        needsDigit = true;
                    }

                    break;
                case '[':
                    i = ClassEnd(pattern, i);
                    if (i < 0)
                    {
                        return false;
                    }

                    break;
                case '(' when i + 2 < pattern.Length && pattern[i + 1] == '?' && pattern[i + 2] is '#' or 'i' or 'm' or 'n' or 's' or 'x' or '-':
                    return false; // a comment or inline options: not followed here
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case '|' when depth == 0:
                    return false;
            }
        }

        return needsDigit && depth == 0;
    }

    /// <summary>Whether a quantifier that allows zero repetitions (<c>?</c>, <c>*</c>, <c>{0</c>) starts at <paramref name="index"/>.</summary>
    private static bool OptionalQuantifierAt(string pattern, int index) =>
        index < pattern.Length
        && (pattern[index] is '?' or '*'
            || (pattern[index] == '{' && index + 1 < pattern.Length && pattern[index + 1] == '0'));

    /// <summary>The index of the <c>]</c> closing the character class opened at <paramref name="open"/>, or -1.</summary>
    private static int ClassEnd(string pattern, int open)
    {
        var i = open + 1;
        if (i < pattern.Length && pattern[i] == '^')
        {
            i++;
        }

        // A ']' first in a class is a literal.
        if (i < pattern.Length && pattern[i] == ']')
        {
            i++;
        }

        for (; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\')
            {
                i++;
            }
            else if (pattern[i] == '[' && pattern[i - 1] == '-')
            {
                // A subtraction ("[a-z-[aeiou]]"): its inner class ends first.
                i = ClassEnd(pattern, i);
                if (i < 0)
                {
                    return -1;
                }
            }
            else if (pattern[i] == ']')
            {
                return i;
            }
        }

        return -1;
    }
}
