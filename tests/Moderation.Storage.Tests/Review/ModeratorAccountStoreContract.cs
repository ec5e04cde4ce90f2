using Moderation.Storage.Review;
using Moderation.Storage.Tests.Fixtures;

namespace Moderation.Storage.Tests.Review;

public abstract class ModeratorAccountStoreContract : StoreContract
{
    private IModeratorAccountStore Store => Stores.ModeratorAccounts;

    private static ModeratorAccount Account(string? username = null) => new(
        username ?? $"mod-{Guid.NewGuid():N}", ModeratorPasswords.Hash("correct horse battery"), ModeratorRole.Moderator,
        ["site-a", "site-b"], Disabled: false, TestData.BaseTime);

    [SkippableFact]
    public async Task Create_stores_the_account_once_and_a_taken_username_is_refused()
    {
        var account = Account();

        Assert.True(await Store.CreateAsync(account));
        Assert.False(await Store.CreateAsync(account with { Role = ModeratorRole.Admin }));

        var stored = await Store.GetAsync(account.Username);
        Assert.NotNull(stored);
        Assert.Equal(account.Sites, stored.Sites);
        Assert.Equal(account with { Sites = stored.Sites }, stored);
        Assert.True(ModeratorPasswords.Verify(stored, "correct horse battery"));
        Assert.False(ModeratorPasswords.Verify(stored, "wrong horse battery"));
    }

    [SkippableFact]
    public async Task Get_returns_null_for_an_unknown_username() => Assert.Null(await Store.GetAsync($"nobody-{Guid.NewGuid():N}"));

    [SkippableFact]
    public async Task Update_replaces_role_sites_and_disabled_flag()
    {
        var account = Account();
        await Store.CreateAsync(account);

        Assert.True(await Store.UpdateAsync(account.Username, ModeratorRole.Admin, ["site-c"], disabled: true));
        Assert.False(await Store.UpdateAsync($"nobody-{Guid.NewGuid():N}", ModeratorRole.Admin, [], disabled: true));

        var stored = await Store.GetAsync(account.Username);
        Assert.Equal(ModeratorRole.Admin, stored!.Role);
        Assert.Equal(["site-c"], stored.Sites);
        Assert.True(stored.Disabled);
    }

    [SkippableFact]
    public async Task Password_hash_can_be_replaced()
    {
        var account = Account();
        await Store.CreateAsync(account);

        Assert.True(await Store.SetPasswordHashAsync(account.Username, ModeratorPasswords.Hash("another long password")));

        Assert.True(ModeratorPasswords.Verify((await Store.GetAsync(account.Username))!, "another long password"));
    }

    [SkippableFact]
    public async Task List_and_count_include_every_account_by_username()
    {
        var names = new[] { $"zz-{Guid.NewGuid():N}", $"aa-{Guid.NewGuid():N}" };
        foreach (var name in names)
        {
            await Store.CreateAsync(Account(name));
        }

        var all = await Store.ListAsync();

        Assert.Superset(names.ToHashSet(), all.Select(a => a.Username).ToHashSet());
        Assert.Equal(all.Select(a => a.Username).Order(StringComparer.Ordinal), all.Select(a => a.Username));
        Assert.Equal(all.Count, await Store.CountAsync());
    }
}
