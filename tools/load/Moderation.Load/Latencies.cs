using System.Globalization;

namespace Moderation.Load;

/// <summary>Milliseconds measured, with the percentiles the report prints.</summary>
public sealed class Latencies
{
    private readonly List<double> values = [];

    public int Count
    {
        get
        {
            lock (values)
            {
                return values.Count;
            }
        }
    }

    public void Add(double milliseconds)
    {
        lock (values)
        {
            values.Add(milliseconds);
        }
    }

    public double Percentile(double p)
    {
        lock (values)
        {
            if (values.Count == 0)
            {
                return double.NaN;
            }

            values.Sort();
            return values[Math.Min(values.Count - 1, (int)Math.Ceiling(p / 100 * values.Count) - 1)];
        }
    }

    public string Summary() => string.Create(CultureInfo.InvariantCulture, $"p50 {Percentile(50):F1} ms, p99 {Percentile(99):F1} ms, max {Percentile(100):F1} ms");
}
