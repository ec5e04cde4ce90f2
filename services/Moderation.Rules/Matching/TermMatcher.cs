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

    private readonly TermAlphabet _alphabet;
    private readonly TermTrie _anchored;
    private readonly TermTrie _floating;
    private readonly CompiledTerm[] _terms;
    private readonly bool[] _anchoredEnd;

    public TermMatcher(IReadOnlyList<CompiledTerm> terms)
    {
        _terms = [.. terms];
        _anchoredEnd = [.. _terms.Select(term => term.Pattern.AnchoredEnd)];
        var anchored = new TrieNode();
        var floating = new TrieNode();
        for (var id = 0; id < _terms.Length; id++)
        {
            foreach (var spelling in TermSpellings.Of(_terms[id]))
            {
                var node = _terms[id].Pattern.AnchoredStart ? anchored : floating;
                foreach (var c in spelling)
                {
                    node = node.GetOrAdd(c);
                }

                node.AddTerminal(id);
            }
        }

        _alphabet = new TermAlphabet(_terms.Select(term => term.Pattern.Folded));
        _anchored = new TermTrie(anchored, _alphabet);
        _floating = new TermTrie(floating, _alphabet);
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

        // Most letters start no match: a table lookup on the codes of a letter and the two elements after it rules
        // them out before any walk, with no branch that depends on the trie. The codes are read as the loop moves
        // along, so the text is passed over once.
        var anchored = new Walker(this, _anchored, text, matches);
        var floating = new Walker(this, _floating, text, matches);
        var kinds = text.Kind;
        var primaries = text.Primary;
        var code = _alphabet.CodeAt(text, 0);
        var next = _alphabet.CodeAt(text, 1);
        for (var i = 0; i < text.Count; i++)
        {
            var afterNext = _alphabet.CodeAt(text, i + 2);
            if (kinds[i] == ElementKind.Letter && !ContinuesRun(kinds, primaries, i))
            {
                var start = TermTrie.StartIndex(code, next, afterNext);
                var wordStart = i == 0 || kinds[i - 1] != ElementKind.Letter;
                if (wordStart && _anchored.MayStart(start))
                {
                    anchored.WalkFrom(i);
                }

                if (_floating.MayStart(start))
                {
                    floating.WalkFrom(i);
                }
            }

            (code, next) = (next, afterNext);
        }

        ExtendAndSuppress(text, matches);
    }

    /// <summary>A letter repeating the letter before it starts no match the first of the run did not already find.</summary>
    private static bool ContinuesRun(ElementKind[] kinds, char[] primaries, int index)
    {
        var previous = index - 1;
        if (previous >= 0 && kinds[previous] == ElementKind.SoftSeparator)
        {
            previous--;
        }

        return previous >= 0 && kinds[previous] == ElementKind.Letter && primaries[previous] == primaries[index];
    }

    private void ExtendAndSuppress(NormalizedText text, TermMatches matches)
    {
        // Allow-listing compares the spans the terms themselves matched, before they grow to whole words:
        // "cocktail" hides "cock" in it, but "bass" does not hide "dumbass".
        SuppressAllowed(matches);

        // Report the whole word a prefix or infix term was found in, as a moderator reads it. Matches come in text
        // order of their starts, so the word around each is found by moving two cursors forward only: many matches in
        // one long word ("fuckfuck…") cost linear time, not a walk over the word for each.
        var wordStart = 0;
        var wordEnd = -1;
        for (var m = 0; m < matches.Count; m++)
        {
            var pattern = _terms[matches.TermId[m]].Pattern;
            if (pattern.AnchoredStart && pattern.AnchoredEnd)
            {
                continue;
            }

            var at = matches.First[m];
            if (at < wordStart || at > wordEnd)
            {
                (wordStart, wordEnd) = WordAround(text, at, at < wordStart ? 0 : Math.Max(wordStart, wordEnd + 1));
            }

            if (!pattern.AnchoredEnd)
            {
                // A phrase ends in a later word than it starts: that word's end, found the slow way (phrases are few).
                var end = matches.Last[m] <= wordEnd ? wordEnd : WordAround(text, matches.Last[m], matches.Last[m]).End;
                matches.Last[m] = text.Kind[end] == ElementKind.SoftSeparator ? end - 1 : end;
            }

            if (!pattern.AnchoredStart)
            {
                matches.First[m] = text.Kind[wordStart] == ElementKind.SoftSeparator ? wordStart + 1 : wordStart;
            }
        }
    }

    /// <summary>
    /// The first and last element of the run between hard separators that holds <paramref name="at"/>, looking for its
    /// start no further back than <paramref name="notBefore"/> (a hard separator or the text's start lies there).
    /// </summary>
    private static (int Start, int End) WordAround(NormalizedText text, int at, int notBefore)
    {
        var start = at;
        while (start > notBefore && text.Kind[start - 1] != ElementKind.HardSeparator)
        {
            start--;
        }

        var end = at;
        while (end + 1 < text.Count && text.Kind[end + 1] != ElementKind.HardSeparator)
        {
            end++;
        }

        return (start, end);
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

    /// <summary>
    /// Walks one trie along the text from a start element, depth first. Where the walk forks (two readings of a
    /// letter, a phrase space or a skipped soft separator, a masked letter) it follows every branch but the last
    /// by recursion and the last by looping, so the common unforked walk makes no calls.
    /// </summary>
    private struct Walker(TermMatcher matcher, TermTrie trie, NormalizedText text, TermMatches matches)
    {
        private int _start;

        /// <summary>The first step, from the root: a word's first letter is never stretched writing or a mask.</summary>
        public void WalkFrom(int start)
        {
            var primary = text.Primary[start];
            if (primary == '*')
            {
                return;
            }

            _start = start;
            var child = trie.Child(TermTrie.Root, primary);
            if (child != TermTrie.None)
            {
                Walk(child, start + 1, primary, 1, 0);
            }

            var alternate = text.Alternate[start];
            if (alternate is not '\0' and not '*')
            {
                child = trie.Child(TermTrie.Root, alternate);
                if (child != TermTrie.None)
                {
                    Walk(child, start + 1, alternate, 1, 0);
                }
            }
        }

        private readonly void Walk(int node, int position, char last, int steps, int masks, bool folded = false)
        {
            while (true)
            {
                if (trie.HasTerminals(node))
                {
                    Report(node, position, folded);
                }

                if (position >= text.Count || steps >= MaxWalkSteps)
                {
                    return;
                }

                switch (text.Kind[position])
                {
                    case ElementKind.Letter:
                        var runTogether = trie.Child(node, ' ');
                        if (runTogether != TermTrie.None && last != ' ')
                        {
                            // A phrase written as one word ("cameljockey"): the phrase goes on without its space.
                            Walk(runTogether, position, ' ', steps + 1, masks, folded);
                        }

                        var primary = text.Primary[position];
                        if (primary == '*')
                        {
                            WalkMask(node, position, last, steps, masks, folded);
                            return;
                        }

                        var alternate = text.Alternate[position];
                        if (alternate == '*')
                        {
                            // A symbol read as a letter may also hide another letter ("fu@k", "f$cks").
                            WalkMask(node, position, last, steps, masks, folded);
                            alternate = '\0';
                        }

                        var primaryChild = trie.Child(node, primary);
                        var alternateChild = alternate == '\0' ? TermTrie.None : trie.Child(node, alternate);
                        if (last != '\0' && (primary == last || alternate == last) && (primaryChild != TermTrie.None || alternateChild != TermTrie.None))
                        {
                            // A repeated letter the term may go on with may still be stretched writing: "loosers" is
                            // "losers" even when another term goes on with a second o ("look").
                            Walk(node, position + 1, last, steps + 1, masks, folded: true);
                        }

                        if (primaryChild != TermTrie.None && alternateChild != TermTrie.None)
                        {
                            Walk(primaryChild, position + 1, primary, steps + 1, masks, folded);
                            (node, last) = (alternateChild, alternate);
                        }
                        else if (primaryChild != TermTrie.None)
                        {
                            (node, last) = (primaryChild, primary);
                        }
                        else if (alternateChild != TermTrie.None)
                        {
                            (node, last) = (alternateChild, alternate);
                        }
                        else if (last == '\0' || (primary != last && alternate != last))
                        {
                            return;
                        }

                        // else a repeated letter the term does not continue with: stretched writing ("fuuuck").
                        break;

                    case ElementKind.SoftSeparator:
                        var phraseSpace = trie.Child(node, ' ');
                        if (phraseSpace != TermTrie.None)
                        {
                            if (last == '\0')
                            {
                                (node, last) = (phraseSpace, ' ');
                            }
                            else
                            {
                                // Both: the phrase goes on across the space, or the separator is skipped.
                                Walk(phraseSpace, position + 1, ' ', steps + 1, masks, folded);
                            }
                        }
                        else if (last == '\0')
                        {
                            return;
                        }

                        break;

                    default:
                        var space = trie.Child(node, ' ');
                        if (space == TermTrie.None)
                        {
                            return;
                        }

                        (node, last) = (space, ' ');
                        break;
                }

                position++;
                steps++;
            }
        }

        /// <summary>A masked letter (<c>f*ck</c>) stands for any letter the term may go on with.</summary>
        private readonly void WalkMask(int node, int position, char last, int steps, int masks, bool folded)
        {
            if (masks >= MaxMasksPerMatch || last == '\0')
            {
                return;
            }

            var keys = trie.KeysInOrder(node);
            var children = trie.ChildrenInOrder(node);
            for (var k = 0; k < keys.Length; k++)
            {
                if (keys[k] != ' ')
                {
                    Walk(children[k], position + 1, keys[k], steps + 1, masks + 1, folded);
                }
            }
        }

        /// <summary>
        /// Reports the terms ending here. An allowed word read by folding a doubled letter the text really has
        /// ("nigger" read as "niger") is not that word: only the literal reading may allow.
        /// </summary>
        private readonly void Report(int node, int end, bool folded)
        {
            var atWordEnd = end >= text.Count || text.Kind[end] != ElementKind.Letter;
            foreach (var termId in trie.Terminals(node))
            {
                if ((matcher._anchoredEnd[termId] && !atWordEnd) || (folded && matcher._terms[termId].IsAllowed))
                {
                    continue;
                }

                matches.Add(termId, _start, end - 1);
            }
        }
    }
}
