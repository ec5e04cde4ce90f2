using System.Globalization;
using Moderation.Contracts;

namespace Moderation.Cli.Eval;

/// <summary>Counts of one part of one evaluated file.</summary>
internal sealed class EvalResult(string name, EvalPart part)
{
    public string Name { get; } = name;

    public EvalPart Part { get; } = part;

    public int TruePositives { get; private set; }

    public int FalsePositives { get; private set; }

    public int Positives { get; private set; }

    public int Negatives { get; private set; }

    public int Rejects { get; private set; }

    public int CorrectRejects { get; private set; }

    public double Seconds { get; set; }

    public int N => Positives + Negatives;

    public double Recall => Positives == 0 ? double.NaN : (double)TruePositives / Positives;

    public double FalsePositiveRate => Negatives == 0 ? double.NaN : (double)FalsePositives / Negatives;

    public double Precision => TruePositives + FalsePositives == 0 ? double.NaN : (double)TruePositives / (TruePositives + FalsePositives);

    public double RejectPrecision => Rejects == 0 ? double.NaN : (double)CorrectRejects / Rejects;

    public double CommentsPerSecond => Seconds <= 0 ? double.NaN : N / Seconds;

    public void Count(bool positive, DecisionOutcome outcome)
    {
        var caught = outcome != DecisionOutcome.Approve;
        if (positive)
        {
            Positives++;
            TruePositives += caught ? 1 : 0;
        }
        else
        {
            Negatives++;
            FalsePositives += caught ? 1 : 0;
        }

        if (outcome == DecisionOutcome.Reject)
        {
            Rejects++;
            CorrectRejects += positive ? 1 : 0;
        }
    }

    public string Format()
    {
        static string Ratio(double value) => double.IsNaN(value) ? "-" : value.ToString("0.000", CultureInfo.InvariantCulture);
        return $"{Name,-24} {Part.ToString().ToLowerInvariant(),-8} {N,6} {Ratio(Recall),7} {Ratio(FalsePositiveRate),6} {Ratio(Precision),6} {Rejects,7} {Ratio(RejectPrecision),8} "
            + $"{CommentsPerSecond.ToString("0", CultureInfo.InvariantCulture),11}";
    }
}
