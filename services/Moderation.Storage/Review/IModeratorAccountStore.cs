namespace Moderation.Storage.Review;

/// <summary>Owned by the Review service: the console's accounts.</summary>
public interface IModeratorAccountStore
{
    /// <summary>Creates the account; false (and nothing changed) when the username is taken.</summary>
    Task<bool> CreateAsync(ModeratorAccount account, CancellationToken cancellationToken = default);

    Task<ModeratorAccount?> GetAsync(string username, CancellationToken cancellationToken = default);

    /// <summary>Every account, by username.</summary>
    Task<IReadOnlyList<ModeratorAccount>> ListAsync(CancellationToken cancellationToken = default);

    Task<long> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces the role, sites and disabled flag; false when there is no such account.</summary>
    Task<bool> UpdateAsync(
        string username, ModeratorRole role, IReadOnlyList<string> sites, bool disabled, CancellationToken cancellationToken = default);

    Task<bool> SetPasswordHashAsync(string username, string passwordHash, CancellationToken cancellationToken = default);
}
