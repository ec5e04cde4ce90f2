namespace Moderation.Storage.Review;

/// <summary>Owned by the Review service: API tokens, looked up by their hash.</summary>
public interface IModeratorTokenStore
{
    /// <summary>Stores the token once; false when its id or hash is already stored.</summary>
    Task<bool> AddAsync(ModeratorToken token, CancellationToken cancellationToken = default);

    Task<ModeratorToken?> FindByHashAsync(string tokenHash, CancellationToken cancellationToken = default);

    /// <summary>The tokens of one account, oldest first.</summary>
    Task<IReadOnlyList<ModeratorToken>> ListAsync(string username, CancellationToken cancellationToken = default);

    Task<bool> RevokeAsync(Guid id, CancellationToken cancellationToken = default);
}
