using Moderation.Rules.Normalization;

namespace Moderation.Rules.Rules;

/// <summary>
/// Fires on a character repeated more than <see cref="MaxCharRun"/> times or a word said more than
/// <see cref="MaxWordRepeats"/> times in a row. Only words of <see cref="MinRepeatedWordLetters"/> letters or more
/// count: a stutter ("w-w-w-wait") or leftover markup ("&lt;br /&gt;&lt;br /&gt;") is no repeated word.
/// </summary>
public sealed class RepetitionRule : Rule
{
    public const int MinRepeatedWordLetters = 3;

    public int? MaxCharRun { get; init; }

    public int? MaxWordRepeats { get; init; }

    public override string Kind => "repetition";

    internal override void Evaluate(EvaluationContext context, HitCollector hits)
    {
        if (MaxCharRun is { } maxRun)
        {
            FindCharRuns(context, hits, maxRun);
        }

        if (MaxWordRepeats is { } maxRepeats)
        {
            FindWordRepeats(context, hits, maxRepeats);
        }
    }

    private void FindCharRuns(EvaluationContext context, HitCollector hits, int maxRun)
    {
        // A run longer than maxRun holds one of any maxRun consecutive positions, so probing every maxRun-th
        // position and growing the run found there finds every such run, in order.
        var text = context.Original;
        var step = Math.Max(maxRun, 1);
        var probe = 0;
        while (probe < text.Length)
        {
            var c = text[probe];
            var start = probe;
            while (start > 0 && text[start - 1] == c)
            {
                start--;
            }

            var end = probe + 1;
            while (end < text.Length && text[end] == c)
            {
                end++;
            }

            if (end - start > maxRun && !char.IsWhiteSpace(c))
            {
                hits.Add(this, text, start, end - start);
            }

            probe = Math.Max(probe + step, end);
        }
    }

    private void FindWordRepeats(EvaluationContext context, HitCollector hits, int maxRepeats)
    {
        var text = context.Text;
        var kinds = text.Kind.AsSpan(0, text.Count);
        var letters = text.Primary.AsSpan(0, text.Count);
        var previousStart = -1;
        var previousLength = 0;
        var runFirst = -1;
        var repeats = 0;
        var i = 0;
        while (i < kinds.Length)
        {
            if (kinds[i] != ElementKind.Letter)
            {
                i++;
                continue;
            }

            var start = i;
            while (i < kinds.Length && kinds[i] == ElementKind.Letter)
            {
                i++;
            }

            var length = i - start;
            if (length < MinRepeatedWordLetters)
            {
                Report(context, hits, maxRepeats, runFirst, previousStart + previousLength - 1, repeats);
                previousStart = -1;
                runFirst = -1;
                repeats = 0;
                continue;
            }

            var same = previousStart >= 0 && length == previousLength
                && letters.Slice(start, length).SequenceEqual(letters.Slice(previousStart, previousLength));
            if (same)
            {
                repeats++;
            }
            else
            {
                Report(context, hits, maxRepeats, runFirst, previousStart + previousLength - 1, repeats);
                runFirst = start;
                repeats = 1;
            }

            previousStart = start;
            previousLength = length;
        }

        Report(context, hits, maxRepeats, runFirst, previousStart + previousLength - 1, repeats);
    }

    private void Report(EvaluationContext context, HitCollector hits, int maxRepeats, int first, int last, int repeats)
    {
        if (repeats > maxRepeats && first >= 0)
        {
            var (start, length) = context.Text.OriginalSpan(first, last);
            hits.Add(this, context.Original, start, length);
        }
    }
}
