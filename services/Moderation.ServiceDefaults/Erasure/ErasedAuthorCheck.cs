namespace Moderation.ServiceDefaults.Erasure;

/// <summary><see cref="IErasedAuthors"/> over a service's own store of erasure records.</summary>
public sealed class ErasedAuthorCheck(Func<string, string, CancellationToken, Task<bool>> isErased) : IErasedAuthors
{
    public Task<bool> IsErasedAsync(string siteId, string authorId, CancellationToken cancellationToken) =>
        isErased(siteId, authorId, cancellationToken);
}
