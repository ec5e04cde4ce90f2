namespace Moderation.Rules.Matching;

/// <summary>
/// The spellings a term is matched in. A doubled letter of a term of five letters or more may be written once
/// (<c>pusy</c>, <c>ashole</c>, <c>godamn</c>): that is how such words are misspelled, on purpose or not. Only for
/// terms anchored at a word start, so the shorter spelling cannot surface inside another word (<c>*titty*</c> written
/// <c>tity</c> is in "entity"), and never for allow-list terms, which must not hide more than they say. Short terms keep
/// their one spelling: <c>ass</c> and <c>as</c> stay different words.
/// </summary>
internal static class TermSpellings
{
    private const int MinLetters = 6;
    private const int MaxDoubles = 3;

    public static IEnumerable<string> Of(CompiledTerm term)
    {
        var folded = term.Pattern.Folded;
        yield return folded;
        if (term.IsAllowed || !term.Pattern.AnchoredStart || folded.Contains(' ') || folded.Count(char.IsLetter) < MinLetters)
        {
            yield break;
        }

        var doubles = new List<int>();
        for (var i = 1; i < folded.Length; i++)
        {
            if (char.IsLetter(folded[i]) && folded[i] == folded[i - 1] && (i < 2 || folded[i - 2] != folded[i]))
            {
                doubles.Add(i);
            }
        }

        if (doubles.Count is 0 or > MaxDoubles)
        {
            yield break;
        }

        for (var mask = 1; mask < 1 << doubles.Count; mask++)
        {
            var chars = new List<char>(folded.Length);
            for (var i = 0; i < folded.Length; i++)
            {
                var dropped = false;
                for (var d = 0; d < doubles.Count; d++)
                {
                    dropped |= (mask & (1 << d)) != 0 && doubles[d] == i;
                }

                if (!dropped)
                {
                    chars.Add(folded[i]);
                }
            }

            yield return new string([.. chars]);
        }
    }
}
