namespace Moderation.ServiceDefaults.Erasure;

/// <summary>
/// How <see cref="ErasedAuthorCache"/> reads a service's whole record of erasures: its size (records are never removed, so
/// an unchanged count means no new erasure), every key, and the key of a site's author.
/// </summary>
public sealed record ErasureRecordSnapshots(
    Func<CancellationToken, Task<long>> CountAsync,
    Func<CancellationToken, Task<IReadOnlyCollection<string>>> KeysAsync,
    Func<string, string, string> KeyOf);
