using Moderation.Storage.Review;
using Moderation.Storage.Tests.Fixtures;

namespace Moderation.Storage.Tests.Review;

/// <summary>Bulk actions kept for undo from any session: listed while their window is open, undone once, pruned after.</summary>
public abstract class ReviewBulkActionStoreContract : StoreContract
{
    private IReviewBulkActionStore Store => Stores.ReviewBulkActions;

    private static ReviewBulkAction Action(string siteId, int minutes, string action = "approve", int count = 3) => new(
        Guid.NewGuid(), siteId, "ann", action, count, TestData.BaseTime.AddMinutes(minutes), TestData.BaseTime.AddMinutes(minutes + 30));

    [SkippableFact]
    public async Task A_bulk_action_keeps_its_ids_and_is_listed_newest_first_while_its_window_is_open()
    {
        var site = TestData.NewSite();
        var older = Action(site, 0);
        var newer = Action(site, 10, "reject", 10_000);
        var ids = Enumerable.Range(0, 10_000).Select(_ => Guid.NewGuid()).ToList();
        await Store.AddAsync(older, [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()]);
        await Store.AddAsync(newer, ids);
        await Store.AddAsync(Action(TestData.NewSite(), 5), [Guid.NewGuid()]);

        Assert.Equal(newer, await Store.GetAsync(newer.Id));
        Assert.Equal(ids, await Store.GetIdsAsync(newer.Id));
        Assert.Null(await Store.GetAsync(Guid.NewGuid()));
        Assert.Empty(await Store.GetIdsAsync(Guid.NewGuid()));
        Assert.Equal([newer.Id, older.Id], (await Store.ListOpenAsync(site, TestData.BaseTime.AddMinutes(11), 10)).Select(a => a.Id));
        Assert.Equal([newer.Id], (await Store.ListOpenAsync(site, TestData.BaseTime.AddMinutes(30), 10)).Select(a => a.Id));
        Assert.Empty(await Store.ListOpenAsync(site, TestData.BaseTime.AddMinutes(40), 10));
    }

    [SkippableFact]
    public async Task A_bulk_action_is_undone_once_however_many_sessions_try_at_once_and_pruned_when_its_window_closed()
    {
        var site = TestData.NewSite();
        var action = Action(site, 0);
        await Store.AddAsync(action, [Guid.NewGuid()]);

        var tries = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Store.MarkUndoneAsync(action.Id, TestData.BaseTime.AddMinutes(1))));
        Assert.Single(tries, undone => undone);
        Assert.Equal(TestData.BaseTime.AddMinutes(1), (await Store.GetAsync(action.Id))!.UndoneAt);
        Assert.Empty(await Store.ListOpenAsync(site, TestData.BaseTime.AddMinutes(2), 10));

        var open = Action(site, 60);
        await Store.AddAsync(open, [Guid.NewGuid()]);
        Assert.True(await Store.PruneAsync(TestData.BaseTime.AddMinutes(31)) >= 1);
        Assert.Null(await Store.GetAsync(action.Id));
        Assert.NotNull(await Store.GetAsync(open.Id));
    }
}
