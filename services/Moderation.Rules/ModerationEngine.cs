using Moderation.Contracts;
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
        ruleSet.Matcher.Match(text, matches);
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
            if (rule.AppliesTo(comment))
            {
                var (start, length) = text.OriginalSpan(matches.First[m], matches.Last[m]);
                hits.Add(rule, original, start, length);
            }
        }

        var context = scratch.Context;
        context.Reset(comment, text, authorHistory);
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

        var score = Math.Round(hits.Score, 3);
        var outcome = Decide(hits.HardestAction, score, ruleSet);
        return new EngineDecision(outcome, score, hits.TakeHits(), ruleSet.Version);
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
