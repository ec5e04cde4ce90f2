using Moderation.Rules.Normalization;

namespace Moderation.Rules.Rules;

/// <summary>
/// Fires when the author posted the same or nearly the same text within <see cref="Window"/>. Texts are compared
/// after normalization, letters only, by the overlap of their three-letter shingles.
/// </summary>
public sealed class DuplicateRule : Rule
{
    public TimeSpan Window { get; init; } = TimeSpan.FromHours(1);

    public double MinSimilarity { get; init; } = 0.9;

    public int MinLetters { get; init; } = 12;

    public override string Kind => "duplicate";

    internal override void Evaluate(EvaluationContext context, HitCollector hits)
    {
        if (context.History.Count == 0 || context.Text.LetterCount < MinLetters)
        {
            return;
        }

        var current = Letters(context.Text);
        HashSet<int>? currentShingles = null;
        var since = context.Comment.SubmittedAt - Window;
        foreach (var prior in context.History)
        {
            if (prior.SubmittedAt < since || prior.SubmittedAt > context.Comment.SubmittedAt || prior.CommentId == context.Comment.CommentId)
            {
                continue;
            }

            var other = Letters(prior.Text);
            var similar = current == other
                || Similarity(currentShingles ??= Shingles(current), Shingles(other)) >= MinSimilarity;
            if (similar)
            {
                hits.Add(this, context.Original, 0, context.Original.Length);
                return;
            }
        }
    }

    internal static string Letters(NormalizedText text)
    {
        var letters = new char[text.Count];
        var count = 0;
        for (var i = 0; i < text.Count; i++)
        {
            if (text.Kind[i] == ElementKind.Letter)
            {
                letters[count++] = text.Primary[i];
            }
        }

        return new string(letters, 0, count);
    }

    private static string Letters(string text)
    {
        var normalized = new NormalizedText();
        new TextNormalizer().Normalize(text, normalized);
        return Letters(normalized);
    }

    private static HashSet<int> Shingles(string letters)
    {
        var shingles = new HashSet<int>();
        for (var i = 0; i + 3 <= letters.Length; i++)
        {
            shingles.Add(HashCode.Combine(letters[i], letters[i + 1], letters[i + 2]));
        }

        return shingles;
    }

    private static double Similarity(HashSet<int> a, HashSet<int> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }
}
