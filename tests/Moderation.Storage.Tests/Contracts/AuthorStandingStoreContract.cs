using Moderation.Contracts;
using Moderation.Storage.Activity;
using Moderation.Storage.Tests.Fixtures;

namespace Moderation.Storage.Tests.Contracts;

public abstract class AuthorStandingStoreContract : StoreContract
{
    private IAuthorStandingStore Store => Stores.AuthorStanding;

    private static AuthorStandingRecord Record(string siteId, string authorId, AuthorStanding standing, DateTimeOffset at, DateTimeOffset? until = null) =>
        new(siteId, authorId, standing, until, "moderator-7", at);

    [SkippableFact]
    public async Task The_latest_standing_wins_and_a_replayed_or_late_older_one_changes_nothing()
    {
        var site = TestData.NewSite();
        var ban = Record(site, "a-1", AuthorStanding.Banned, TestData.BaseTime, TestData.BaseTime.AddDays(7));
        var cleared = Record(site, "a-1", AuthorStanding.Normal, TestData.BaseTime.AddMinutes(5));

        Assert.Null(await Store.GetAsync(site, "a-1"));
        Assert.True(await Store.ApplyAsync(ban));
        Assert.Equal(ban, await Store.GetAsync(site, "a-1"));
        Assert.False(await Store.ApplyAsync(ban));
        Assert.True(await Store.ApplyAsync(cleared));
        Assert.False(await Store.ApplyAsync(ban)); // arrives late: the clear stays
        Assert.Equal(cleared, await Store.GetAsync(site, "a-1"));
    }

    [SkippableFact]
    public async Task Standings_are_per_site_and_per_author_and_a_ban_that_ended_reads_as_normal()
    {
        var site = TestData.NewSite();
        var other = TestData.NewSite();
        await Store.ApplyAsync(Record(site, "a-1", AuthorStanding.Trusted, TestData.BaseTime));
        await Store.ApplyAsync(Record(site, "a-2", AuthorStanding.Banned, TestData.BaseTime, TestData.BaseTime.AddDays(1)));
        await Store.ApplyAsync(Record(other, "a-1", AuthorStanding.PreModerated, TestData.BaseTime));

        Assert.Equal(AuthorStanding.Trusted, (await Store.GetAsync(site, "a-1"))!.Standing);
        Assert.Equal(AuthorStanding.PreModerated, (await Store.GetAsync(other, "a-1"))!.Standing);
        var ban = (await Store.GetAsync(site, "a-2"))!;
        Assert.Equal(AuthorStanding.Banned, ban.At(TestData.BaseTime.AddHours(23)));
        Assert.Equal(AuthorStanding.Normal, ban.At(TestData.BaseTime.AddDays(1)));
        Assert.Null(await Store.GetAsync(site, "a-3"));
    }
}
