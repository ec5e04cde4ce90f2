namespace Moderation.Storage.Activity;

/// <summary>Owned by the worker: each author's standing per site, as moderators set it.</summary>
public interface IAuthorStandingStore
{
    /// <summary>
    /// Keeps <paramref name="record"/> when it is newer (by ChangedAt) than the one stored, so a replayed or late event
    /// never undoes a later change. Returns true when it was stored.
    /// </summary>
    Task<bool> ApplyAsync(AuthorStandingRecord record, CancellationToken cancellationToken = default);

    /// <summary>The author's standing on the site, or null when no moderator ever set one.</summary>
    Task<AuthorStandingRecord?> GetAsync(string siteId, string authorId, CancellationToken cancellationToken = default);
}
