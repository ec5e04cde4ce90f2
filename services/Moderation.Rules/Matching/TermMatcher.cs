using Moderation.Rules.Normalization;

namespace Moderation.Rules.Matching;

/// <summary>
/// Finds every term of a ruleset in a normalized text in one pass. Terms anchored at a word start live in one trie
/// walked only from word starts; the others in a second trie walked from every letter. The walk absorbs repeated
/// letters (<c>fuuuck</c>), runs across soft separators (<c>f.u.c.k</c>), tries both readings of ambiguous
/// leetspeak and lets a masked letter (<c>f*ck</c>) stand for any letter. Allow-list matches then hide every term
/// match they cover, so <c>Scunthorpe</c> or <c>cocktail</c> never count.
/// </summary>
internal sealed class TermMatcher
{
    // Bounds one walk so that no input, however long its runs of one letter, costs more than linear time.
    private const int MaxWalkSteps = 256;
    private const int MaxMasksPerMatch = 3;

    private readonly TrieNode _anchored = new();
    private readonly TrieNode _floating = new();
    private readonly CompiledTerm[] _terms;

    public TermMatcher(IReadOnlyList<CompiledTerm> terms)
    {
        _terms = [.. terms];
        for (var id = 0; id < _terms.Length; id++)
        {
            var pattern = _terms[id].Pattern;
            var node = pattern.AnchoredStart ? _anchored : _floating;
            foreach (var c in pattern.Folded)
            {
                node = node.GetOrAdd(c);
            }

            node.AddTerminal(id);
        }
    }

    public CompiledTerm Term(int termId) => _terms[termId];

    public bool IsEmpty => _terms.Length == 0;

    public void Match(NormalizedText text, TermMatches matches)
    {
        matches.Clear();
        if (IsEmpty)
        {
            return;
        }

        var walker = new Walker(this, text, matches);
        for (var i = 0; i < text.Count; i++)
        {
            if (text.Kind[i] != ElementKind.Letter || ContinuesRun(text, i))
            {
                continue;
            }

            walker.Start = i;
            if (text.IsWordStart(i))
            {
                walker.Walk(_anchored, i, '\0', 0, 0);
            }

            walker.Walk(_floating, i, '\0', 0, 0);
        }

        ExtendAndSuppress(text, matches);
    }

    /// <summary>A letter repeating the letter before it starts no match the first of the run did not already find.</summary>
    private static bool ContinuesRun(NormalizedText text, int index)
    {
        var previous = index - 1;
        if (previous >= 0 && text.Kind[previous] == ElementKind.SoftSeparator)
        {
            previous--;
        }

        return previous >= 0 && text.Kind[previous] == ElementKind.Letter && text.Primary[previous] == text.Primary[index];
    }

    private void ExtendAndSuppress(NormalizedText text, TermMatches matches)
    {
        // Allow-listing compares the spans the terms themselves matched, before they grow to whole words:
        // "cocktail" hides "cock" in it, but "bass" does not hide "dumbass".
        SuppressAllowed(matches);
        for (var m = 0; m < matches.Count; m++)
        {
            var pattern = _terms[matches.TermId[m]].Pattern;

            // Report the whole word a prefix or infix term was found in, as a moderator reads it.
            if (!pattern.AnchoredEnd)
            {
                var last = matches.Last[m];
                while (last + 1 < text.Count && text.Kind[last + 1] != ElementKind.HardSeparator)
                {
                    last++;
                }

                if (text.Kind[last] == ElementKind.SoftSeparator)
                {
                    last--;
                }

                matches.Last[m] = last;
            }

            if (!pattern.AnchoredStart)
            {
                var first = matches.First[m];
                while (first > 0 && text.Kind[first - 1] != ElementKind.HardSeparator)
                {
                    first--;
                }

                if (text.Kind[first] == ElementKind.SoftSeparator)
                {
                    first++;
                }

                matches.First[m] = first;
            }
        }
    }

    private void SuppressAllowed(TermMatches matches)
    {
        for (var a = 0; a < matches.Count; a++)
        {
            if (!_terms[matches.TermId[a]].IsAllowed)
            {
                continue;
            }

            for (var m = 0; m < matches.Count; m++)
            {
                if (matches.First[m] >= matches.First[a] && matches.Last[m] <= matches.Last[a])
                {
                    matches.Suppressed[m] = true;
                }
            }
        }
    }

    private struct Walker(TermMatcher matcher, NormalizedText text, TermMatches matches)
    {
        public int Start;

        public readonly void Walk(TrieNode node, int position, char last, int steps, int masks)
        {
            if (node.Terminals.Length > 0)
            {
                Report(node, position);
            }

            if (position >= text.Count || steps >= MaxWalkSteps)
            {
                return;
            }

            switch (text.Kind[position])
            {
                case ElementKind.Letter:
                    WalkLetter(node, position, last, steps, masks);
                    break;
                case ElementKind.SoftSeparator:
                    var phraseSpace = node.Child(' ');
                    if (phraseSpace is not null)
                    {
                        Walk(phraseSpace, position + 1, ' ', steps + 1, masks);
                    }

                    if (last != '\0')
                    {
                        Walk(node, position + 1, last, steps + 1, masks);
                    }

                    break;
                default:
                    var space = node.Child(' ');
                    if (space is not null)
                    {
                        Walk(space, position + 1, ' ', steps + 1, masks);
                    }

                    break;
            }
        }

        private readonly void WalkLetter(TrieNode node, int position, char last, int steps, int masks)
        {
            var primary = text.Primary[position];
            if (primary == '*')
            {
                if (masks >= MaxMasksPerMatch || last == '\0')
                {
                    return;
                }

                var keys = node.Keys;
                var children = node.Children;
                for (var k = 0; k < keys.Length; k++)
                {
                    if (keys[k] != ' ')
                    {
                        Walk(children[k], position + 1, keys[k], steps + 1, masks + 1);
                    }
                }

                return;
            }

            var advanced = false;
            var child = node.Child(primary);
            if (child is not null)
            {
                Walk(child, position + 1, primary, steps + 1, masks);
                advanced = true;
            }

            var alternate = text.Alternate[position];
            if (alternate != '\0')
            {
                child = node.Child(alternate);
                if (child is not null)
                {
                    Walk(child, position + 1, alternate, steps + 1, masks);
                    advanced = true;
                }
            }

            // A repeated letter the term does not continue with is stretched writing: "fuuuck".
            if (!advanced && last != '\0' && (primary == last || alternate == last))
            {
                Walk(node, position + 1, last, steps + 1, masks);
            }
        }

        private readonly void Report(TrieNode node, int end)
        {
            var atWordEnd = end >= text.Count || text.Kind[end] != ElementKind.Letter;
            foreach (var termId in node.Terminals)
            {
                if (matcher._terms[termId].Pattern.AnchoredEnd && !atWordEnd)
                {
                    continue;
                }

                matches.Add(termId, Start, end - 1);
            }
        }
    }
}
