using System.Collections.Concurrent;
using System.Diagnostics;

namespace Moderation.Integration.Tests.Infrastructure;

/// <summary>
/// Counts the messages MassTransit finished consuming, per receive endpoint, for a set of message ids, from
/// MassTransit's own tracing (ActivitySource "MassTransit"): it sees every endpoint of every service in this process.
/// </summary>
public sealed class ConsumeActivityCounter : IDisposable
{
    private readonly HashSet<string> messageIds;
    private readonly ConcurrentQueue<string> finished = new();
    private readonly ActivityListener listener;

    public ConsumeActivityCounter(IEnumerable<Guid> messageIds)
    {
        this.messageIds = messageIds.Select(id => id.ToString()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "MassTransit",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = OnStopped,
        };
        ActivitySource.AddActivityListener(listener);
    }

    /// <summary>How many of the watched messages were consumed on an endpoint whose name contains <paramref name="endpoint"/>.</summary>
    public int Consumed(string endpoint) => finished.Count(name => name.Contains(endpoint, StringComparison.Ordinal));

    public override string ToString() => string.Join("; ", finished);

    public void Dispose() => listener.Dispose();

    private void OnStopped(Activity activity)
    {
        if (activity.Kind == ActivityKind.Consumer &&
            activity.TagObjects.Any(tag => tag.Value is not null && messageIds.Contains(tag.Value.ToString()!)))
        {
            finished.Enqueue(activity.DisplayName);
        }
    }
}
