using Moderation.Contracts;
using Moderation.Rules.Matching;
using Moderation.Rules.Normalization;
using Moderation.Rules.Rules;

namespace Moderation.Rules;

/// <summary>
/// Decides one comment against a ruleset. Pure and thread-safe: no I/O, no clock, no state between calls apart from
/// per-thread buffers; duplicates and flood are computed from the history the caller passes in.
/// </summary>
public sealed class ModerationEngine
{
    public EngineDecision Decide(CommentToModerate comment, RuleSet ruleSet, IReadOnlyList<PriorComment> authorHistory)
    {
        ArgumentNullException.ThrowIfNull(comment);
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(authorHistory);

        var scratch = EngineScratch.Current;
        var text = scratch.Text;
        var original = comment.Text ?? string.Empty;
        scratch.Normalizer.Normalize(original, text);

        var hits = scratch.Hits;
        hits.Reset(ruleSet.Rules.Count);

        var matches = scratch.Matches;
        var proximityMatches = scratch.ProximityMatches;
        proximityMatches.Clear();
        ruleSet.Matcher.Match(text, matches);
        IReadOnlyList<(int Start, int Length, string Host)>? links = matches.Count > 0 ? LinkFinder.FindAll(original) : null;
        for (var m = 0; m < matches.Count; m++)
        {
            if (matches.Suppressed[m])
            {
                continue;
            }

            var term = ruleSet.Matcher.Term(matches.TermId[m]);
            if (term.IsAllowed)
            {
                continue;
            }

            var rule = ruleSet.Rules[term.RuleIndex];
            if (ruleSet.PairsNearTerms[term.RuleIndex])
            {
                proximityMatches.Add(m);
            }
            else if (rule.AppliesTo(comment))
            {
                var (start, length) = text.OriginalSpan(matches.First[m], matches.Last[m]);
                if (links is { Count: > 0 } && !OccursInOneLinkPart(original, start, length, term.Pattern, links))
                {
                    continue;
                }

                if (IsInsideMention(original, start, term.Pattern))
                {
                    continue;
                }

                hits.Add(rule, original, start, length);
            }
        }

        if (proximityMatches.Count > 1)
        {
            PairProximityMatches(comment, ruleSet, text, matches, proximityMatches, hits);
        }

        var context = scratch.Context;
        context.Reset(comment, text, authorHistory, links);
        try
        {
            foreach (var rule in ruleSet.OtherRules)
            {
                if (rule.AppliesTo(comment))
                {
                    rule.Evaluate(context, hits);
                }
            }
        }
        finally
        {
            // Do not keep the caller's comment and history alive through the thread's buffers.
            context.Reset(null!, text, []);
        }

        var score = Math.Round(hits.Score(ruleSet.MaxPerCategory), 3);
        var outcome = Decide(hits.HardestAction, score, ruleSet);
        return new EngineDecision(outcome, score, hits.TakeHits(), ruleSet.Version);
    }

    private static void PairProximityMatches(
        CommentToModerate comment,
        RuleSet ruleSet,
        NormalizedText text,
        TermMatches matches,
        List<int> proximityMatches,
        HitCollector hits)
    {
        // The matches are in text order, so the candidates for a first term are the ones after it, and once one lies
        // out of reach (too many words or a sentence end between) every later one does too: the pairing costs time
        // linear in the matches, not quadratic ("you you you …" of 100 KB took seconds).
        for (var i = 0; i < proximityMatches.Count; i++)
        {
            var first = proximityMatches[i];
            var firstTerm = ruleSet.Matcher.Term(matches.TermId[first]);
            if (firstTerm.IsNear)
            {
                continue;
            }

            var rule = (ProximityRule)ruleSet.Rules[firstTerm.RuleIndex];
            for (var j = i + 1; j < proximityMatches.Count; j++)
            {
                var second = proximityMatches[j];
                if (matches.First[second] <= matches.Last[first])
                {
                    continue;
                }

                if (!WithinOneSentence(text, matches.Last[first], matches.First[second], rule.MaxWordsBetween))
                {
                    break;
                }

                var secondTerm = ruleSet.Matcher.Term(matches.TermId[second]);
                if (!secondTerm.IsNear || secondTerm.RuleIndex != firstTerm.RuleIndex)
                {
                    continue;
                }

                if (rule.AppliesTo(comment))
                {
                    var (start, length) = text.OriginalSpan(matches.First[first], matches.Last[second]);
                    hits.Add(rule, text.Original, start, length);
                }

                break;
            }
        }
    }

    /// <summary>
    /// Inside a link, punctuation separates parts of the address, not letters of a word: a term matched across
    /// it ("https://example.org" read as "httpsexampleorg", which holds "sex") is a false match. A match overlapping
    /// a link counts only when the term lies within one run of letters and digits of the link.
    /// </summary>
    private static bool OccursInOneLinkPart(
        string original, int start, int length, TermPattern term, IReadOnlyList<(int Start, int Length, string Host)> links)
    {
        var end = start + length;
        foreach (var link in links)
        {
            var linkEnd = link.Start + link.Length;
            if (link.Start >= end || linkEnd <= start)
            {
                continue;
            }

            var from = Math.Min(start, link.Start);
            var to = Math.Max(end, linkEnd);
            var needle = term.Folded.Replace(" ", string.Empty, StringComparison.Ordinal);
            var part = new System.Text.StringBuilder();
            for (var i = from; i <= to; i++)
            {
                if (i < to && char.IsLetterOrDigit(original[i]))
                {
                    part.Append(CharacterFolding.Fold(original[i]));
                    continue;
                }

                if (part.Length >= needle.Length && part.ToString().Contains(needle, StringComparison.Ordinal))
                {
                    return true;
                }

                part.Clear();
            }

            return false;
        }

        return true;
    }

    /// <summary>
    /// An @-mention names another account ("@glassmaker_jo", "@mattcockerill"): a term inside the name is not the author's
    /// word. A leading "@" that stands for a letter ("@ss", "@sshole") is not a mention: the term is then not found
    /// in the letters after it.
    /// </summary>
    private static bool IsInsideMention(string original, int start, TermPattern term)
    {
        var at = start;
        while (at > 0 && (char.IsLetterOrDigit(original[at - 1]) || original[at - 1] == '_'))
        {
            at--;
        }

        if (at < original.Length && original[at] != '@' && at > 0 && original[at - 1] == '@')
        {
            at--;
        }

        if (at >= original.Length || original[at] != '@' || (at > 0 && !char.IsWhiteSpace(original[at - 1]) && original[at - 1] is not ('.' or '"' or '(' or ':' or ';' or ',')))
        {
            return false;
        }

        var handle = new System.Text.StringBuilder();
        for (var i = at + 1; i < original.Length && (char.IsLetterOrDigit(original[i]) || original[i] == '_'); i++)
        {
            handle.Append(CharacterFolding.Fold(original[i]));
        }

        var needle = term.Folded.Replace(" ", string.Empty, StringComparison.Ordinal);
        return handle.Length > needle.Length && handle.ToString().Contains(needle, StringComparison.Ordinal);
    }

    /// <summary>Whether at most <paramref name="maxWords"/> words and no sentence end lie between two elements.</summary>
    private static bool WithinOneSentence(NormalizedText text, int before, int after, int maxWords)
    {
        var words = 0;
        for (var i = before + 1; i < after; i++)
        {
            if (text.Kind[i] == ElementKind.HardSeparator)
            {
                var gap = text.Original.AsSpan(text.OriginalStart[i], text.OriginalEnd[i] - text.OriginalStart[i]);
                if (gap.IndexOfAny('.', '!', '?') >= 0 || gap.Contains('\n'))
                {
                    return false;
                }
            }
            else if (text.Kind[i] == ElementKind.Letter && text.Kind[i - 1] != ElementKind.Letter && ++words > maxWords)
            {
                return false;
            }
        }

        return true;
    }

    private static DecisionOutcome Decide(RuleAction hardestAction, double score, RuleSet ruleSet)
    {
        if (hardestAction == RuleAction.Reject || score >= ruleSet.RejectThreshold)
        {
            return DecisionOutcome.Reject;
        }

        if (hardestAction == RuleAction.Flag || score >= ruleSet.FlagThreshold)
        {
            return DecisionOutcome.Flag;
        }

        return DecisionOutcome.Approve;
    }
}
