using System.Text;
using Moderation.Rules.Normalization;

namespace Moderation.Rules.Matching;

/// <summary>
/// A term of a term list as written in a ruleset: <c>word</c> matches the whole word, <c>word*</c> words starting with
/// it, <c>*word</c> words ending with it, <c>*word*</c> anywhere; spaces make a phrase. The text is folded the
/// same way comments are, so a term may be written with accents or in capitals.
/// </summary>
internal sealed record TermPattern(string Written, string Folded, bool AnchoredStart, bool AnchoredEnd)
{
    public static TermPattern? Parse(string written, out string? error)
    {
        error = null;
        var text = written.Trim();
        var anchoredStart = !text.StartsWith('*');
        var anchoredEnd = !text.EndsWith('*');
        text = text.Trim('*');

        var folded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            foreach (var f in CharacterFolding.Fold(c))
            {
                if (char.IsLetterOrDigit(f))
                {
                    folded.Append(f);
                }
                else if (char.IsWhiteSpace(f) && folded.Length > 0 && folded[^1] != ' ')
                {
                    folded.Append(' ');
                }
                else if (f == '*')
                {
                    error = $"term '{written}': '*' is only allowed at the start or end";
                    return null;
                }
            }
        }

        var result = ReadDigitsInWords(folded.ToString().Trim());
        if (result.Length == 0)
        {
            error = $"term '{written}' has no letters";
            return null;
        }

        return new TermPattern(written, result, anchoredStart, anchoredEnd);
    }

    /// <summary>
    /// A comment's digits inside a word that has a letter read as letters (<c>sh1t</c>), so a term's must too, or a term
    /// such as <c>covid19</c> or <c>web3</c> could never match the same word in a comment. A number alone stays a number.
    /// </summary>
    private static string ReadDigitsInWords(string folded)
    {
        if (!folded.Any(char.IsAsciiDigit))
        {
            return folded;
        }

        var words = folded.Split(' ');
        for (var w = 0; w < words.Length; w++)
        {
            if (words[w].Any(char.IsLetter) && words[w].Any(char.IsAsciiDigit))
            {
                words[w] = string.Concat(words[w].Select(c => char.IsAsciiDigit(c) && Leetspeak.Read(c).Primary is not '\0' and var letter ? letter : c));
            }
        }

        return string.Join(' ', words);
    }
}
