using Moderation.Storage.Articles;
using Moderation.Storage.Tests.Fixtures;

namespace Moderation.Storage.Tests.Contracts;

public abstract class ArticleStateStoreContract : StoreContract
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMinutes(10);

    private IArticleStateStore Store => Stores.ArticleStates;

    /// <summary>
    /// Whether each of several counts at once returns the count its own increment made, as SQLite's transaction and a
    /// real MongoDB's findAndModify do. The MongoDB wire-protocol emulator sometimes returns a later one under
    /// concurrency (seen as 1, 2, 4, 4, ...), though the stored count is right.
    /// </summary>
    protected virtual bool CountsAreOwnPostImages => true;

    [SkippableFact]
    public async Task An_article_without_state_reads_as_nothing_set_and_the_editor_mode_is_set_and_cleared()
    {
        var site = TestData.NewSite();
        Assert.Equal(new ArticleState(site, "a-1"), await Store.GetAsync(site, "a-1"));

        var closed = await Store.SetEditorModeAsync(site, "a-1", ArticleMode.Closed, TestData.BaseTime);
        Assert.Equal(ArticleMode.Closed, closed.EditorMode);
        Assert.Equal(TestData.BaseTime, closed.EditorModeSetAt);
        Assert.Equal(closed, await Store.GetAsync(site, "a-1"));

        Assert.Null((await Store.SetEditorModeAsync(site, "a-1", null, TestData.BaseTime.AddMinutes(1))).EditorMode);
        Assert.Equal(new ArticleState(site, "a-2"), await Store.GetAsync(site, "a-2"));
    }

    [SkippableFact]
    public async Task Submissions_over_the_limit_in_one_minute_start_one_surge_that_ends_after_the_quiet_period()
    {
        var site = TestData.NewSite();
        var start = TestData.BaseTime;
        var counts = new List<SubmissionCount>();
        for (var i = 0; i < 5; i++)
        {
            counts.Add(await Store.CountSubmissionAsync(site, "hot", start.AddSeconds(i), surgeAbove: 3, Quiet));
        }

        Assert.Equal([1, 2, 3, 4, 5], counts.Select(c => c.ThisMinute));
        Assert.Equal([false, false, false, true, false], counts.Select(c => c.SurgeStarted));
        Assert.Null(counts[2].State.SurgeUntil);
        Assert.Equal(start.AddSeconds(4) + Quiet, counts[4].State.SurgeUntil);
        Assert.Equal(start, counts[4].State.FirstCommentAt);
        Assert.Equal(counts[4].State, await Store.GetAsync(site, "hot"));

        // The next minute counts from one; under the limit the surge is not extended.
        var later = await Store.CountSubmissionAsync(site, "hot", start.AddMinutes(1), surgeAbove: 3, Quiet);
        Assert.Equal(1, later.ThisMinute);
        Assert.Equal(start.AddSeconds(4) + Quiet, later.State.SurgeUntil);

        var end = start.AddSeconds(4) + Quiet;
        Assert.DoesNotContain(await Store.ListEndedSurgesAsync(end.AddSeconds(-1), 100), s => s.SiteId == site);
        var ended = Assert.Single(await Store.ListEndedSurgesAsync(end, 1000), s => s.SiteId == site);
        Assert.False(await Store.ClearSurgeAsync(site, "hot", end.AddSeconds(1)));
        Assert.True(await Store.ClearSurgeAsync(site, "hot", ended.SurgeUntil!.Value));
        Assert.Null((await Store.GetAsync(site, "hot")).SurgeUntil);
    }

    [SkippableFact]
    public async Task Submissions_counted_at_once_are_each_counted_and_surge_off_never_surges()
    {
        var site = TestData.NewSite();
        var counts = await Task.WhenAll(Enumerable.Range(0, 20).Select(
            i => Store.CountSubmissionAsync(site, "busy", TestData.BaseTime.AddMilliseconds(i), surgeAbove: 0, Quiet)));

        if (CountsAreOwnPostImages)
        {
            Assert.Equal(Enumerable.Range(1, 20), counts.Select(c => c.ThisMinute).Order());
        }
        else
        {
            // Every submission still counts once (the minute ends at 20), but a concurrent count may read another's increment.
            Assert.Equal(20, counts.Max(c => c.ThisMinute));
            Assert.All(counts, c => Assert.InRange(c.ThisMinute, 1, 20));
        }

        Assert.All(counts, c => Assert.Null(c.State.SurgeUntil));
        Assert.True(await Store.PruneCountsAsync(TestData.BaseTime.AddMinutes(2)) >= 1);
        Assert.Equal(1, (await Store.CountSubmissionAsync(site, "busy", TestData.BaseTime, 0, Quiet)).ThisMinute);
    }
}
