using Moderation.Cli.Commands;
using Moderation.Cli.Eval;
using Moderation.Rules.RuleSets;

namespace Moderation.Rules.Tests;

/// <summary>
/// Holds the default pack's quality on the tuning part of the shared eval sets (read in place, never copied), so no
/// change lowers it silently. The checking part is left alone here: it is for judging changes, not for pinning.
/// </summary>
public sealed class EvalSetTests
{
    /// <summary>
    /// Floors on the tuning part: recall at or above, false-positive rate at or below. Set a little under the
    /// figures of the pack they were taken from (docs/rules.md), so noise of a row or two does not trip them.
    /// </summary>
    public static TheoryData<string, double, double> Floors => new()
    {
        { "civil-comments", 0.45, 0.055 },
        { "davidson-offensive", 0.94, 0.067 },
        { "ethos-hate", 0.61, 0.135 },
        { "obfuscated-profanity", 0.60, 0.015 },
        { "sfu-news-toxicity", 0.20, 0.05 },
        { "youtube-spam", 0.82, 0.055 },
    };

    [SkippableTheory]
    [MemberData(nameof(Floors))]
    public void Default_pack_holds_its_floors_on_the_tuning_part(string set, double minRecall, double maxFalsePositiveRate)
    {
        var file = EvalFile(set);
        var (tuning, _) = EvalCommand.Evaluate(file, RuleSetLoader.Default, "default", TextWriter.Null);

        Assert.True(tuning.Positives > 0 && tuning.Negatives > 0, $"{set}: the tuning part needs both labels");
        Assert.True(tuning.Recall >= minRecall, $"{set}: recall {tuning.Recall:0.000} fell under its floor {minRecall:0.000}");
        Assert.True(
            tuning.FalsePositiveRate <= maxFalsePositiveRate,
            $"{set}: false-positive rate {tuning.FalsePositiveRate:0.000} rose over its ceiling {maxFalsePositiveRate:0.000}");
    }

    [SkippableFact]
    public void Default_pack_rejects_are_precise_and_there_are_rejects_to_judge()
    {
        int rejects = 0, correct = 0;
        foreach (var set in Floors.Select(row => (string)row[0]))
        {
            var (tuning, _) = EvalCommand.Evaluate(EvalFile(set), RuleSetLoader.Default, "default", TextWriter.Null);
            rejects += tuning.Rejects;
            correct += tuning.CorrectRejects;
        }

        // The pack rejects only on evidence of several kinds, so rejects are few; with none this would prove nothing.
        Assert.True(rejects >= 20, $"only {rejects} rejects on the tuning parts: too few to judge their precision");
        Assert.True((double)correct / rejects >= 0.98, $"{rejects - correct} of {rejects} rejects were of clean comments");
    }

    [SkippableFact]
    public void The_split_puts_about_seventy_percent_of_each_set_in_the_tuning_part()
    {
        foreach (var set in Floors.Select(row => (string)row[0]))
        {
            var (tuning, checking) = EvalCommand.Evaluate(EvalFile(set), RuleSetLoader.Default, "default", TextWriter.Null);
            var share = (double)tuning.N / (tuning.N + checking.N);
            Assert.InRange(share, 0.62, 0.78);
        }
    }

    private static string EvalFile(string set)
    {
        var folder = EvalFolder.Find();
        Skip.If(folder is null, "../shared/eval is not next to the repository");
        var file = Path.Combine(folder, set + ".jsonl");
        Skip.IfNot(File.Exists(file), $"{set}.jsonl is missing from ../shared/eval");
        return file;
    }
}
