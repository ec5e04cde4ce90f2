using System.Globalization;
using System.Text.RegularExpressions;

namespace Moderation.Load;

/// <summary>
/// Where a comment's time went, per service: the CPU each process used during the load (from procfs, so it counts
/// the broker too) and the mean time of each consumer, publish and HTTP route from the service's own
/// <c>/metrics</c> (MassTransit's and ASP.NET Core's histograms).
/// </summary>
public static partial class ServiceProfile
{
    public static async Task PrintAsync(
        IReadOnlyList<ServiceProcesses.Service> services, IReadOnlyDictionary<string, double> cpuBefore, double? brokerCpuBefore,
        int comments, TimeSpan elapsed, CancellationToken cancellationToken)
    {
        var total = 0.0;
        Console.WriteLine("profile (CPU seconds used during the load, and per comment; mean times from each service's /metrics):");
        foreach (var service in services)
        {
            var cpu = ProcessCpu.Seconds(service.Pid) is { } now && cpuBefore.TryGetValue(service.Name, out var before) ? now - before : double.NaN;
            total += cpu;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {service.Name,-12} cpu {cpu,7:F1} s  {cpu * 1000 / comments,6:F2} ms/comment"));
            foreach (var line in await MeansAsync(service.Address, cancellationToken))
            {
                Console.WriteLine($"      {line}");
            }
        }

        if (brokerCpuBefore is { } brokerBefore && ProcessCpu.BrokerPid() is { } pid && ProcessCpu.Seconds(pid) is { } brokerNow)
        {
            var cpu = brokerNow - brokerBefore;
            total += cpu;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {"rabbitmq",-12} cpu {cpu,7:F1} s  {cpu * 1000 / comments,6:F2} ms/comment"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {"all of these",-12} cpu {total,7:F1} s  {total * 1000 / comments,6:F2} ms/comment, over {elapsed.TotalSeconds:F1} s of wall time on {Environment.ProcessorCount} cores ({elapsed.TotalSeconds * Environment.ProcessorCount:F1} CPU seconds available)"));
    }

    private static async Task<List<string>> MeansAsync(Uri address, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
            text = await client.GetStringAsync("/metrics", cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return [$"(no /metrics: {exception.Message})"];
        }

        var sums = new Dictionary<string, double>(StringComparer.Ordinal);
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (Match match in SampleLine().Matches(text))
        {
            var name = match.Groups["name"].Value;
            var isSum = name.EndsWith("_sum", StringComparison.Ordinal);
            if (!IsTimed(name) || !(isSum || name.EndsWith("_count", StringComparison.Ordinal)))
            {
                continue;
            }

            var histogram = name[..name.LastIndexOf('_')];
            var key = $"{histogram} {Describe(match.Groups["labels"].Value)}";
            var value = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
            if (isSum && histogram.EndsWith("_seconds", StringComparison.Ordinal))
            {
                value *= 1000;
            }

            var into = isSum ? sums : counts;
            into[key] = into.GetValueOrDefault(key) + value;
        }

        return [.. counts
            .Where(count => count.Value >= 10 && sums.ContainsKey(count.Key))
            .OrderBy(count => count.Key, StringComparer.Ordinal)
            .Select(count => string.Create(CultureInfo.InvariantCulture,
                $"{count.Key}: {count.Value:F0} x mean {sums[count.Key] / count.Value:F2} ms"))];
    }

    /// <summary>MassTransit's durations (consume, receive, publish) and the HTTP requests served.</summary>
    private static bool IsTimed(string name) =>
        (name.StartsWith("messaging_masstransit_", StringComparison.Ordinal) && name.Contains("_duration_", StringComparison.Ordinal)) ||
        name.StartsWith("http_server_request_duration_", StringComparison.Ordinal);

    /// <summary>The labels that say what was timed: consumer and message type, HTTP route and method.</summary>
    private static string Describe(string labels)
    {
        var kept = LabelPair().Matches(labels)
            .Where(pair => pair.Groups["key"].Value is "messaging_masstransit_consumer_type" or "messaging_masstransit_message_type"
                or "messaging_masstransit_destination" or "http_route" or "http_request_method" or "http_response_status_code")
            .Select(pair => pair.Groups["value"].Value);
        return string.Join(' ', kept);
    }

    [GeneratedRegex("""^(?<name>[a-z_]+)(\{(?<labels>.*)\})? (?<value>[0-9.eE+-]+)""", RegexOptions.Multiline)]
    private static partial Regex SampleLine();

    [GeneratedRegex("(?<key>[a-z_]+)=\"(?<value>[^\"]*)\"")]
    private static partial Regex LabelPair();
}
