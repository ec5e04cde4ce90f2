namespace Moderation.ServiceDefaults.Erasure;

/// <summary>Whether a site's author has been erased: every consumer skips a message of such an author.</summary>
public interface IErasedAuthors
{
    Task<bool> IsErasedAsync(string siteId, string authorId, CancellationToken cancellationToken);

    /// <summary>The author is erased from now on (the erasure event has reached this process).</summary>
    void MarkErased(string siteId, string authorId);
}
