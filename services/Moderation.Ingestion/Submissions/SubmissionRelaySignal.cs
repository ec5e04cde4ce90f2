using System.Threading.Channels;

namespace Moderation.Ingestion.Submissions;

/// <summary>Wakes this process's <see cref="SubmissionRelay"/> when a submit stored a comment, so it need not wait for its next look.</summary>
public sealed class SubmissionRelaySignal
{
    private readonly Channel<bool> _pulses = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Notify() => _pulses.Writer.TryWrite(true);

    /// <summary>Waits for a <see cref="Notify"/> (one since the last wait counts) or until <paramref name="timeout"/> passed.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var timer = clock.CreateTimer(_ => wait.Cancel(), null, timeout, Timeout.InfiniteTimeSpan);
        try
        {
            await _pulses.Reader.ReadAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The timeout: time for the periodic look.
        }
    }
}
