using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace Moderation.ServiceDefaults.Erasure;

/// <summary>
/// <see cref="IErasedAuthors"/> over a service's own record of erasures, answering from memory so that a message does not
/// cost a store read (the per-message lookup was a fifth to a third of Review's, Publishing's and the workers' CPU under
/// load, docs/load.md). An erased author stays erased, so "erased" is kept for good, and marked as soon as the
/// <c>AuthorErased</c> event reaches this process. With <see cref="ErasureRecordSnapshots"/>, the process holds every
/// key of the record while it has at most <see cref="SnapshotCapacity"/> (GDPR erasures are rare), counts the record at
/// most every <see cref="NegativeLifetime"/> and reads the keys again when the count changed: one cheap read per process
/// every two seconds instead of one per message. Beyond that size, and without snapshots, it asks the store and keeps a
/// "not erased" for <see cref="NegativeLifetime"/> (at most <see cref="Capacity"/> answers; when full they are dropped).
/// Either way a "not erased" is at most <see cref="NegativeLifetime"/> old: another instance of the service may record an
/// erasure meanwhile and this one let a message of that author through, writing a row after that instance removed the
/// author's rows; every erasure consumer therefore removes them once more <see cref="NegativeLifetime"/> later
/// (<c>AuthorErasureStoreExtensions.EraseAsync</c>).
/// </summary>
public sealed class ErasedAuthorCache(
    Func<string, string, CancellationToken, Task<bool>> isErased,
    TimeProvider clock,
    ErasureRecordSnapshots? snapshots = null) : IErasedAuthors
{
    /// <summary>The oldest a "not erased" answer may be.</summary>
    public static readonly TimeSpan NegativeLifetime = TimeSpan.FromSeconds(2);

    public const int Capacity = 10_000;

    public const int SnapshotCapacity = 200_000;

    private const long Erased = long.MaxValue;

    // Per (site, author): Erased, or the timestamp until which "not erased" holds.
    private readonly ConcurrentDictionary<(string SiteId, string AuthorId), long> _answers = new();
    private readonly SemaphoreSlim _counting = new(1, 1);
    private FrozenSet<string>? _keys;
    private long _count = -1;
    private long _countedAt;

    public async Task<bool> IsErasedAsync(string siteId, string authorId, CancellationToken cancellationToken)
    {
        var key = (siteId, authorId);
        var now = clock.GetTimestamp();
        if (_answers.TryGetValue(key, out var until) && (until == Erased || now < until))
        {
            return until == Erased;
        }

        if (snapshots is not null)
        {
            await RefreshIfOldAsync(snapshots, cancellationToken).ConfigureAwait(false);
            if (Volatile.Read(ref _keys) is { } keys)
            {
                if (keys.Count == 0 || !keys.Contains(snapshots.KeyOf(siteId, authorId)))
                {
                    return false;
                }

                MarkErased(siteId, authorId);
                return true;
            }
        }

        var erased = await isErased(siteId, authorId, cancellationToken).ConfigureAwait(false);
        Remember(key, erased ? Erased : now + (long)(NegativeLifetime.TotalSeconds * clock.TimestampFrequency));
        return erased;
    }

    public void MarkErased(string siteId, string authorId) => Remember((siteId, authorId), Erased);

    /// <summary>Counts the record if the last count is older than <see cref="NegativeLifetime"/>; reads the keys again if it changed.</summary>
    private async Task RefreshIfOldAsync(ErasureRecordSnapshots record, CancellationToken cancellationToken)
    {
        if (IsFresh())
        {
            return;
        }

        await _counting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (IsFresh())
            {
                return;
            }

            var startedAt = clock.GetTimestamp();
            var count = await record.CountAsync(cancellationToken).ConfigureAwait(false);
            if (count != Interlocked.Read(ref _count))
            {
                Volatile.Write(
                    ref _keys,
                    count <= SnapshotCapacity ? (await record.KeysAsync(cancellationToken).ConfigureAwait(false)).ToFrozenSet() : null);
            }

            Interlocked.Exchange(ref _count, count);
            Interlocked.Exchange(ref _countedAt, startedAt);
        }
        finally
        {
            _counting.Release();
        }
    }

    private bool IsFresh() =>
        Interlocked.Read(ref _count) >= 0 && clock.GetElapsedTime(Interlocked.Read(ref _countedAt)) < NegativeLifetime;

    private void Remember((string, string) key, long until)
    {
        if (_answers.Count >= Capacity)
        {
            foreach (var (stale, value) in _answers)
            {
                if (value != Erased)
                {
                    _answers.TryRemove(new KeyValuePair<(string, string), long>(stale, value));
                }
            }

            if (_answers.Count >= Capacity / 2)
            {
                _answers.Clear();
            }
        }

        _answers.AddOrUpdate(key, until, (_, old) => old == Erased ? old : until);
    }
}
