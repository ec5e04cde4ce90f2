using System.Collections.Concurrent;

namespace Moderation.ServiceDefaults.Erasure;

/// <summary>
/// <see cref="IErasedAuthors"/> over a service's own record of erasures, remembering answers so that a message does not
/// cost a store read (the per-message lookup was a fifth to a third of Review's and Publishing's CPU under load,
/// docs/load.md). An erased author stays erased, so "erased" is kept for good, and marked as soon as the
/// <c>AuthorErased</c> event reaches this process. "Not erased" holds while the record has not grown: at most every
/// <see cref="NegativeLifetime"/> the cache counts the record (one cheap read per process, not one per message), and a
/// count that changed drops every "not erased". So a negative answer is at most <see cref="NegativeLifetime"/> old: another
/// instance of the service may record an erasure meanwhile and this one let a message of that author through, writing a
/// row after that instance removed the author's rows; every erasure consumer therefore removes them once more
/// <see cref="NegativeLifetime"/> later (<c>AuthorErasureStoreExtensions.EraseAsync</c>). Without a way to count
/// (<paramref name="countErased"/> null), a "not erased" is kept for <see cref="NegativeLifetime"/>. At most
/// <see cref="Capacity"/> answers are kept: when full, the negatives are dropped, and if that frees too little,
/// everything is (a dropped answer only costs a store read).
/// </summary>
public sealed class ErasedAuthorCache(
    Func<string, string, CancellationToken, Task<bool>> isErased,
    Func<CancellationToken, Task<long>>? countErased,
    TimeProvider clock) : IErasedAuthors
{
    /// <summary>The oldest a "not erased" answer may be.</summary>
    public static readonly TimeSpan NegativeLifetime = TimeSpan.FromSeconds(2);

    public const int Capacity = 10_000;

    private const long Erased = long.MaxValue;

    // Per (site, author): Erased; or "not erased" as of the count c, as -(c + 2); or, without a count, the timestamp until which it holds.
    private readonly ConcurrentDictionary<(string SiteId, string AuthorId), long> _answers = new();
    private readonly SemaphoreSlim _counting = new(1, 1);
    private long _count = -1;
    private long _countedAt;

    public ErasedAuthorCache(Func<string, string, CancellationToken, Task<bool>> isErased, TimeProvider clock)
        : this(isErased, null, clock)
    {
    }

    public async Task<bool> IsErasedAsync(string siteId, string authorId, CancellationToken cancellationToken)
    {
        var key = (siteId, authorId);
        long notErased;
        if (countErased is not null)
        {
            // "Not erased" as of this count: an answer looked up under an older count no longer matches.
            await RecountIfOldAsync(cancellationToken).ConfigureAwait(false);
            notErased = -(Interlocked.Read(ref _count) + 2);
            if (_answers.TryGetValue(key, out var known) && (known == Erased || known == notErased))
            {
                return known == Erased;
            }
        }
        else
        {
            var now = clock.GetTimestamp();
            if (_answers.TryGetValue(key, out var until) && (until == Erased || now < until))
            {
                return until == Erased;
            }

            notErased = now + Ticks(NegativeLifetime);
        }

        var erased = await isErased(siteId, authorId, cancellationToken).ConfigureAwait(false);
        Remember(key, erased ? Erased : notErased);
        return erased;
    }

    public void MarkErased(string siteId, string authorId) => Remember((siteId, authorId), Erased);

    /// <summary>Counts the record if the last count is older than <see cref="NegativeLifetime"/>; drops the negatives if it grew.</summary>
    private async Task RecountIfOldAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Read(ref _count) >= 0 && clock.GetElapsedTime(Interlocked.Read(ref _countedAt)) < NegativeLifetime)
        {
            return;
        }

        await _counting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Interlocked.Read(ref _count) >= 0 && clock.GetElapsedTime(Interlocked.Read(ref _countedAt)) < NegativeLifetime)
            {
                return;
            }

            var startedAt = clock.GetTimestamp();
            var count = await countErased!(cancellationToken).ConfigureAwait(false);
            if (count != Interlocked.Read(ref _count))
            {
                DropNegatives();
            }

            Interlocked.Exchange(ref _count, count);
            Interlocked.Exchange(ref _countedAt, startedAt);
        }
        finally
        {
            _counting.Release();
        }
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * clock.TimestampFrequency);

    private void DropNegatives()
    {
        foreach (var (key, value) in _answers)
        {
            if (value != Erased)
            {
                _answers.TryRemove(new KeyValuePair<(string, string), long>(key, value));
            }
        }
    }

    private void Remember((string, string) key, long until)
    {
        if (_answers.Count >= Capacity)
        {
            DropNegatives();
            if (_answers.Count >= Capacity / 2)
            {
                _answers.Clear();
            }
        }

        _answers.AddOrUpdate(key, until, (_, old) => old == Erased ? old : until);
    }
}
