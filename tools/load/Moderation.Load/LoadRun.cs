using System.Diagnostics;
using System.Globalization;

namespace Moderation.Load;

/// <summary>One run: the raw-broker baseline, then the comments through the system, then the report.</summary>
public static class LoadRun
{
    /// <summary>Broker deliveries per comment: CommentSubmitted to the worker's queue, CommentModerated to Publishing's, Ingestion's status queue and Review's.</summary>
    public const int DeliveriesPerComment = 4;

    public static async Task<int> RunAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        static string F(double value) => value.ToString("F0", CultureInfo.InvariantCulture);
        Console.WriteLine($"load average before: {LoadAverage()}");
        double? baseline = null;
        if (options.Mode == "distributed")
        {
            var brokerBefore = ProcessCpu.BrokerPid() is { } pid ? ProcessCpu.Seconds(pid) : null;
            baseline = await RawBrokerBaseline.MeasureAsync(options.RabbitMqUri, options.BaselineMessages, cancellationToken);
            Console.WriteLine($"raw broker baseline: {F(baseline.Value)} messages/s (RabbitMQ.Client, persistent, publisher confirms 100 in flight, manual acks)");
            if (brokerBefore is { } before && ProcessCpu.BrokerPid() is { } after && ProcessCpu.Seconds(after) is { } now)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  the broker used {(now - before) * 1000 / options.BaselineMessages:F3} ms of CPU per message of the baseline"));
            }
        }

        await using var system = await ServiceProcesses.StartAsync(options);
        Console.WriteLine($"system: {system.Describe}");
        await using var watcher = new FinalStatusWatcher(system.StatusDatabase);
        watcher.Start();

        if (options.Warmup > 0)
        {
            var warmup = new SubmitLoad(system.IngestionAddress, options.Warmup, options.Concurrency, 0, firstIndex: options.Comments);
            await warmup.RunAsync(cancellationToken);
            var warmupDeadline = DateTime.UtcNow + options.DrainTimeout;
            while (warmup.AcceptedAt.Keys.Any(id => watcher.FinalAt(id) is null) && DateTime.UtcNow < warmupDeadline)
            {
                await Task.Delay(50, cancellationToken);
            }

            Console.WriteLine($"warm-up: {warmup.AcceptedAt.Count} comments sent first and final before measuring");
        }

        var cpuBefore = system.Services.ToDictionary(service => service.Name, service => ProcessCpu.Seconds(service.Pid) ?? double.NaN);
        var brokerCpuBefore = ProcessCpu.BrokerPid() is { } brokerPid ? ProcessCpu.Seconds(brokerPid) : null;
        var rate = options.Rate;
        var load = new SubmitLoad(system.IngestionAddress, options.Comments, options.Concurrency, rate);
        var started = Stopwatch.GetTimestamp();
        var submitTime = await load.RunAsync(cancellationToken);
        var accepted = load.AcceptedAt.Keys.ToList();

        var deadline = DateTime.UtcNow + options.DrainTimeout;
        while (accepted.Any(id => watcher.FinalAt(id) is null) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, cancellationToken);
        }

        var notFinal = accepted.Count(id => watcher.FinalAt(id) is null);
        var lastFinal = accepted.Select(id => watcher.FinalAt(id) ?? 0).DefaultIfEmpty(0).Max();
        var endToEnd = Stopwatch.GetElapsedTime(started, lastFinal);
        var toFinal = new Latencies();
        foreach (var id in accepted)
        {
            if (watcher.FinalAt(id) is { } at)
            {
                toFinal.Add(Stopwatch.GetElapsedTime(load.StartedAt[id], at).TotalMilliseconds);
            }
        }

        var submitsPerSecond = accepted.Count / submitTime.TotalSeconds;
        var endToEndPerSecond = accepted.Count / endToEnd.TotalSeconds;
        Console.WriteLine($"comments: {options.Comments} sent, {accepted.Count} accepted, {notFinal} not final after draining, " +
            $"{load.Retries} retried after 503/429, {load.ServerErrors} other 5xx, {load.ClientErrors} 4xx");
        Console.WriteLine($"offered: {(rate > 0 ? $"{F(rate)}/s paced" : $"{options.Concurrency} in flight")}");
        Console.WriteLine($"submits/s: {F(submitsPerSecond)}   submit latency {load.SubmitLatency.Summary()}");
        Console.WriteLine($"end-to-end/s: {F(endToEndPerSecond)}   submit-to-final latency {toFinal.Summary()} (status seen final, polled every 20 ms)");
        if (baseline is { } raw)
        {
            var ratio = endToEndPerSecond * DeliveriesPerComment / raw;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ratio: end-to-end/s x {DeliveriesPerComment} deliveries / raw baseline = {ratio:F2} (goal >= 0.50)"));
        }

        Console.WriteLine($"load average after: {LoadAverage()}");
        await ServiceProfile.PrintAsync(system.Services, cpuBefore, brokerCpuBefore, accepted.Count, endToEnd, cancellationToken);
        if (notFinal > 0 || load.ServerErrors > 0 || accepted.Count != options.Comments)
        {
            Console.WriteLine($"FAIL: {notFinal} accepted comments not final, {load.ServerErrors} 5xx, {options.Comments - accepted.Count} never accepted");
            return 1;
        }

        return 0;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
