namespace Moderation.Storage.Review;

/// <summary>Owned by the Review service: the console's sessions, looked up by the hash of their key.</summary>
public interface IModeratorSessionStore
{
    /// <summary>Stores the session once; false when its key hash is already stored.</summary>
    Task<bool> AddAsync(ModeratorSession session, CancellationToken cancellationToken = default);

    Task<ModeratorSession?> FindAsync(string keyHash, CancellationToken cancellationToken = default);

    /// <summary>Ends one session; false when it is unknown or already ended.</summary>
    Task<bool> RevokeAsync(string keyHash, CancellationToken cancellationToken = default);

    /// <summary>Ends every session of an account except <paramref name="exceptKeyHash"/>; returns how many it ended.</summary>
    Task<long> RevokeAllAsync(string username, string? exceptKeyHash = null, CancellationToken cancellationToken = default);
}
