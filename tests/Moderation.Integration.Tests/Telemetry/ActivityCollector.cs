using System.Collections.Concurrent;
using System.Diagnostics;
using OpenTelemetry;

namespace Moderation.Integration.Tests.Telemetry;

/// <summary>An in-memory span exporter: keeps every span a tracer provider ends, for the test to read at any time.</summary>
public sealed class ActivityCollector : BaseProcessor<Activity>
{
    private readonly ConcurrentQueue<Activity> spans = new();

    public IReadOnlyList<Activity> Spans => [.. spans];

    public override void OnEnd(Activity data) => spans.Enqueue(data);
}
