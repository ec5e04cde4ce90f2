using System.Collections.Concurrent;

namespace Moderation.ServiceDefaults.Erasure;

/// <summary>
/// <see cref="IErasedAuthors"/> over a service's own record of erasures, remembering answers so that a message does not
/// cost a store read. An erased author stays erased, so a positive answer is kept for good (an author is marked erased as
/// soon as this process receives the <c>AuthorErased</c> event, before its erasure consumer runs). A negative answer is
/// kept for <see cref="NegativeLifetime"/> only: another instance of the service may record the erasure meanwhile, and a
/// message this instance then lets through could write a row after that instance deleted the author's rows; every
/// erasure consumer therefore deletes once more after <see cref="NegativeLifetime"/> (see
/// <c>AuthorErasureStoreExtensions.EraseAsync</c>). At most <see cref="Capacity"/> answers are kept: when full, the
/// negatives are dropped, and if that frees too little, everything is (a dropped answer only costs a store read).
/// </summary>
public sealed class ErasedAuthorCache(Func<string, string, CancellationToken, Task<bool>> isErased, TimeProvider clock) : IErasedAuthors
{
    /// <summary>How long "not erased" is believed without asking the store again.</summary>
    public static readonly TimeSpan NegativeLifetime = TimeSpan.FromSeconds(2);

    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<(string SiteId, string AuthorId), long> _answers = new();

    public async Task<bool> IsErasedAsync(string siteId, string authorId, CancellationToken cancellationToken)
    {
        var key = (siteId, authorId);
        var now = clock.GetTimestamp();
        if (_answers.TryGetValue(key, out var until) && (until == long.MaxValue || now < until))
        {
            return until == long.MaxValue;
        }

        var erased = await isErased(siteId, authorId, cancellationToken).ConfigureAwait(false);
        Remember(key, erased ? long.MaxValue : now + (long)(NegativeLifetime.TotalSeconds * clock.TimestampFrequency));
        return erased;
    }

    public void MarkErased(string siteId, string authorId) => Remember((siteId, authorId), long.MaxValue);

    private void Remember((string, string) key, long until)
    {
        if (_answers.Count >= Capacity)
        {
            foreach (var (stale, value) in _answers)
            {
                if (value != long.MaxValue)
                {
                    _answers.TryRemove(stale, out _);
                }
            }

            if (_answers.Count >= Capacity / 2)
            {
                _answers.Clear();
            }
        }

        _answers.AddOrUpdate(key, until, (_, old) => old == long.MaxValue ? old : until);
    }
}
