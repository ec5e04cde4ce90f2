using Moderation.Storage.Review;
using Moderation.Storage.Tests.Fixtures;

namespace Moderation.Storage.Tests.Review;

public abstract class ModeratorSessionStoreContract : StoreContract
{
    private IModeratorSessionStore Store => Stores.ModeratorSessions;

    private static ModeratorSession Session(string username) => new($"hash-{Guid.NewGuid():N}", username, TestData.BaseTime);

    [SkippableFact]
    public async Task A_session_is_stored_once_and_found_by_its_key_hash()
    {
        var session = Session($"ann-{Guid.NewGuid():N}");

        Assert.True(await Store.AddAsync(session));
        Assert.False(await Store.AddAsync(session with { Username = "someone-else" }));

        Assert.Equal(session, await Store.FindAsync(session.KeyHash));
        Assert.Null(await Store.FindAsync("unknown"));
    }

    [SkippableFact]
    public async Task One_session_or_every_other_session_of_an_account_can_be_revoked()
    {
        var username = $"ann-{Guid.NewGuid():N}";
        var kept = Session(username);
        var other = Session(username);
        var third = Session(username);
        var someoneElse = Session($"bob-{Guid.NewGuid():N}");
        foreach (var session in new[] { kept, other, third, someoneElse })
        {
            await Store.AddAsync(session);
        }

        Assert.True(await Store.RevokeAsync(third.KeyHash));
        Assert.False(await Store.RevokeAsync(third.KeyHash));
        Assert.Equal(1, await Store.RevokeAllAsync(username, exceptKeyHash: kept.KeyHash));

        Assert.False((await Store.FindAsync(kept.KeyHash))!.Revoked);
        Assert.True((await Store.FindAsync(other.KeyHash))!.Revoked);
        Assert.True((await Store.FindAsync(third.KeyHash))!.Revoked);
        Assert.False((await Store.FindAsync(someoneElse.KeyHash))!.Revoked);

        Assert.Equal(1, await Store.RevokeAllAsync(username));
        Assert.True((await Store.FindAsync(kept.KeyHash))!.Revoked);
    }
}
