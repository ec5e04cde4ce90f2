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

        var result = folded.ToString().Trim();
        if (result.Length == 0)
        {
            error = $"term '{written}' has no letters";
            return null;
        }

        return new TermPattern(written, result, anchoredStart, anchoredEnd);
    }
}
