using Moderation.Storage.Review;
using Moderation.Storage.Tests.Fixtures;

namespace Moderation.Storage.Tests.Review;

public abstract class ModeratorTokenStoreContract : StoreContract
{
    private IModeratorTokenStore Store => Stores.ModeratorTokens;

    private static ModeratorToken Token(string username, DateTimeOffset createdAt) =>
        new(Guid.NewGuid(), username, "nightly export", $"hash-{Guid.NewGuid():N}", createdAt);

    [SkippableFact]
    public async Task A_token_is_found_by_its_hash_and_stored_once()
    {
        var token = Token($"admin-{Guid.NewGuid():N}", TestData.BaseTime);

        Assert.True(await Store.AddAsync(token));
        Assert.False(await Store.AddAsync(token));
        Assert.False(await Store.AddAsync(token with { Id = Guid.NewGuid() }));

        Assert.Equal(token, await Store.FindByHashAsync(token.TokenHash));
        Assert.Null(await Store.FindByHashAsync("unknown"));
    }

    [SkippableFact]
    public async Task Tokens_of_an_account_are_listed_oldest_first_and_can_be_revoked()
    {
        var username = $"admin-{Guid.NewGuid():N}";
        var later = Token(username, TestData.BaseTime.AddMinutes(5));
        var earlier = Token(username, TestData.BaseTime);
        await Store.AddAsync(later);
        await Store.AddAsync(earlier);

        Assert.True(await Store.RevokeAsync(earlier.Id));
        Assert.False(await Store.RevokeAsync(earlier.Id));

        var listed = await Store.ListAsync(username);
        Assert.Equal([earlier.Id, later.Id], listed.Select(t => t.Id));
        Assert.True(listed[0].Revoked);
        Assert.False(listed[1].Revoked);
    }
}
