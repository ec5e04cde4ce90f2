using Microsoft.Extensions.Options;
using Moderation.Storage.Comments;

namespace Moderation.Ingestion.Submissions;

/// <summary>
/// How many accepted comments wait in the submission outbox for the broker, as this instance last knew it: the relay counts
/// them in the store after a pass (at most every <see cref="IngestionOptions.RelayInterval"/>, after every pass while the
/// bound is reached), and each accept here adds one until the next count. At <see cref="IngestionOptions.MaxUnsentSubmissions"/>
/// a submit answers 503 with Retry-After instead of being accepted: while the broker is away the outbox would otherwise
/// grow without end. The count is the store's, so replicas sharing it see the same backlog; concurrent submits between
/// two counts can overshoot the bound by what they accept meanwhile, never lose anything.
/// </summary>
public sealed class SubmissionBacklog(ISubmissionOutboxStore outbox, TimeProvider clock, IOptions<IngestionOptions> options)
{
    private long _unsent;
    private long _countedAt = long.MinValue;

    public long Unsent => Interlocked.Read(ref _unsent);

    public bool IsFull => Unsent >= options.Value.MaxUnsentSubmissions;

    public void Accepted() => Interlocked.Increment(ref _unsent);

    /// <summary>Counts the unsent comments in the store, unless it did so less than a relay interval ago and the bound is not reached.</summary>
    public async Task RecountAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetTimestamp();
        if (!IsFull && _countedAt != long.MinValue && clock.GetElapsedTime(_countedAt, now) < options.Value.RelayInterval)
        {
            return;
        }

        _countedAt = now;
        Interlocked.Exchange(ref _unsent, await outbox.CountUnsentAsync(cancellationToken).ConfigureAwait(false));
    }
}
