using System.Globalization;

namespace Moderation.Load;

/// <summary>The command line: <c>--name value</c> pairs, every one optional.</summary>
public sealed record LoadOptions(
    string Mode,
    int Workers,
    int Comments,
    int Concurrency,
    string RabbitMqUri,
    int BaselineMessages,
    int BasePort,
    string Repository,
    TimeSpan DrainTimeout,
    double Rate,
    int Warmup)
{
    public const string Usage = """
        moderation-load [--mode distributed|composed] [--workers 2] [--comments 10000] [--concurrency 64]
                        [--rabbitmq amqp://guest:guest@localhost:5672/] [--baseline-messages 50000]
                        [--base-port 15700] [--repository .] [--drain-seconds 120] [--rate 0] [--warmup 300]
          --rate N paces submissions at N comments/s (0: as fast as --concurrency allows)
          --warmup N sends N comments first and waits until they are final, unmeasured, so the figures are of
                     services past their start-up and just-in-time compilation (0: measure from the start)
        """;

    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Expected --name value, got '{args[i]}'.\n{Usage}");
            }

            values[args[i][2..]] = args[i + 1];
        }

        if (args.Length % 2 != 0)
        {
            throw new ArgumentException($"'{args[^1]}' has no value.\n{Usage}");
        }

        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var mode = values.GetValueOrDefault("mode", "distributed");
        if (mode is not ("distributed" or "composed"))
        {
            throw new ArgumentException($"--mode must be distributed or composed.\n{Usage}");
        }

        return new LoadOptions(
            mode,
            Int("workers", 2),
            Int("comments", 10_000),
            Int("concurrency", 64),
            values.GetValueOrDefault("rabbitmq", Environment.GetEnvironmentVariable("RABBITMQ_URI") ?? "amqp://guest:guest@localhost:5672/"),
            Int("baseline-messages", 50_000),
            Int("base-port", 15700),
            Path.GetFullPath(values.GetValueOrDefault("repository", ".")),
            TimeSpan.FromSeconds(Int("drain-seconds", 120)),
            values.TryGetValue("rate", out var rate) ? double.Parse(rate, CultureInfo.InvariantCulture) : 0,
            Int("warmup", 300));
    }
}
