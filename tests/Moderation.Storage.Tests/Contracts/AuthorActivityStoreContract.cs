using Moderation.Storage.Activity;
using Moderation.Storage.Tests.Fixtures;

namespace Moderation.Storage.Tests.Contracts;

public abstract class AuthorActivityStoreContract : StoreContract
{
    // Far in the future: MongoDB's TTL index would otherwise remove test activity while a test runs.
    private static readonly DateTimeOffset BaseTime = new(2100, 1, 1, 9, 30, 0, 250, TimeSpan.Zero);

    private IAuthorActivityStore Store => Stores.AuthorActivity;

    private static AuthorActivity Activity(string siteId, string authorId, DateTimeOffset at) =>
        new(Guid.NewGuid(), siteId, authorId, at, $"text at {at:O}");

    [SkippableFact]
    public async Task List_returns_the_authors_activity_in_the_inclusive_range_oldest_first()
    {
        var site = TestData.NewSite();
        var activities = Enumerable.Range(0, 6).Select(i => Activity(site, "author-1", BaseTime.AddMinutes(i))).ToList();
        foreach (var activity in activities.AsEnumerable().Reverse())
        {
            await Store.RecordAsync(activity);
        }

        await Store.RecordAsync(Activity(site, "author-2", BaseTime.AddMinutes(2)));
        await Store.RecordAsync(Activity(TestData.NewSite(), "author-1", BaseTime.AddMinutes(2)));

        var listed = await Store.ListAsync(site, "author-1", BaseTime.AddMinutes(1), BaseTime.AddMinutes(4));

        Assert.Equal(activities[1..5], listed);
    }

    [SkippableFact]
    public async Task Equal_times_are_ordered_by_comment_id()
    {
        var site = TestData.NewSite();
        var activities = Enumerable.Range(0, 5).Select(_ => Activity(site, "author-1", BaseTime)).ToList();
        foreach (var activity in activities)
        {
            await Store.RecordAsync(activity);
        }

        var listed = await Store.ListAsync(site, "author-1", BaseTime, BaseTime);

        Assert.Equal(activities.OrderBy(a => a.CommentId), listed);
    }

    [SkippableFact]
    public async Task Recording_a_replayed_comment_stores_nothing_new()
    {
        var activity = Activity(TestData.NewSite(), "author-1", BaseTime);

        await Store.RecordAsync(activity);
        await Store.RecordAsync(activity with { Text = "replayed" });

        Assert.Equal([activity], await Store.ListAsync(activity.SiteId, "author-1", BaseTime, BaseTime));
    }

    [SkippableFact]
    public async Task Prune_deletes_only_activity_older_than_the_cutoff()
    {
        // Before every other test's activity, so pruning here removes only this test's old entry.
        var past = BaseTime.AddYears(-1);
        var site = TestData.NewSite();
        var old = Activity(site, "author-1", past);
        var atCutoff = Activity(site, "author-1", past.AddDays(1));

        await Store.RecordAsync(old);
        await Store.RecordAsync(atCutoff);

        Assert.Equal(1, await Store.PruneAsync(past.AddDays(1)));
        Assert.Equal([atCutoff], await Store.ListAsync(site, "author-1", past, past.AddYears(1)));
    }

    [SkippableFact]
    public async Task Submitted_times_are_truncated_to_milliseconds()
    {
        var activity = Activity(TestData.NewSite(), "author-1", BaseTime.AddTicks(7777));
        await Store.RecordAsync(activity);

        var listed = await Store.ListAsync(activity.SiteId, "author-1", BaseTime, BaseTime.AddSeconds(1));

        Assert.Equal([activity with { SubmittedAt = BaseTime }], listed);
    }
}
