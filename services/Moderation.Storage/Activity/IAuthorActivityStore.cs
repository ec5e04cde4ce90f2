namespace Moderation.Storage.Activity;

/// <summary>Owned by the moderation worker.</summary>
public interface IAuthorActivityStore
{
    /// <summary>Records the activity once per CommentId (a replayed message records nothing new).</summary>
    Task RecordAsync(AuthorActivity activity, CancellationToken cancellationToken = default);

    /// <summary>
    /// The author's activity on one site with <paramref name="from"/> &lt;= SubmittedAt &lt;= <paramref name="to"/>,
    /// oldest first, ties broken by CommentId.
    /// </summary>
    Task<IReadOnlyList<AuthorActivity>> ListAsync(
        string siteId, string authorId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>Deletes activity older than <paramref name="before"/>; returns how many it removed.</summary>
    Task<long> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default);
}
