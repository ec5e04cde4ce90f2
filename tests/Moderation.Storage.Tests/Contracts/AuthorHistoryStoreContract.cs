using Moderation.Storage.Activity;
using Moderation.Storage.Tests.Fixtures;

namespace Moderation.Storage.Tests.Contracts;

public abstract class AuthorHistoryStoreContract : StoreContract
{
    private static readonly DateTimeOffset BaseTime = new(2100, 1, 1, 9, 30, 0, 250, TimeSpan.Zero);

    private IAuthorHistoryStore Store => Stores.AuthorHistory;

    private static AuthorActivity Entry(string siteId, string authorId, DateTimeOffset at, string? text = null) =>
        new(Guid.NewGuid(), siteId, authorId, at, text ?? $"text at {at:O}");

    [SkippableFact]
    public async Task An_append_returns_the_authors_earlier_entries_on_the_site_in_append_order()
    {
        var site = TestData.NewSite();
        var entries = Enumerable.Range(0, 5).Select(i => Entry(site, "author-1", BaseTime.AddMinutes(-i))).ToList();
        var seen = new List<IReadOnlyList<AuthorActivity>>();
        foreach (var entry in entries)
        {
            seen.Add(await Store.AppendAsync(entry, BaseTime.AddDays(-1), 50));
        }

        await Store.AppendAsync(Entry(site, "author-2", BaseTime), BaseTime.AddDays(-1), 50);
        await Store.AppendAsync(Entry(TestData.NewSite(), "author-1", BaseTime), BaseTime.AddDays(-1), 50);

        for (var i = 0; i < entries.Count; i++)
        {
            Assert.Equal(entries[..i], seen[i]);
        }

        var last = Entry(site, "author-1", BaseTime.AddMinutes(1));
        Assert.Equal(entries, await Store.AppendAsync(last, BaseTime.AddDays(-1), 50));
    }

    [SkippableFact]
    public async Task AppendMany_returns_per_entry_what_appending_one_by_one_would_and_a_replay_returns_the_same()
    {
        var site = TestData.NewSite();
        var before = Entry(site, "author-1", BaseTime.AddHours(-1));
        var tooOld = Entry(site, "author-1", BaseTime.AddDays(-3));
        await Store.AppendAsync(tooOld, BaseTime.AddDays(-10), 50);
        await Store.AppendAsync(before, BaseTime.AddDays(-10), 50);
        var first = Entry(site, "author-1", BaseTime);
        var other = Entry(site, "author-2", BaseTime);
        var second = Entry(site, "author-1", BaseTime.AddSeconds(1));

        var results = await Store.AppendManyAsync([first, other, second], TimeSpan.FromDays(1), 50);
        var replayed = await Store.AppendManyAsync([first, other, second], TimeSpan.FromDays(1), 50);

        Assert.Equal([[before], [], [before, first]], results.Select(result => result.ToList()));
        Assert.Equal(results.Select(result => result.ToList()), replayed.Select(result => result.ToList()));
        Assert.Equal([before, first, second], await Store.AppendAsync(Entry(site, "author-1", BaseTime.AddSeconds(2)), BaseTime.AddDays(-1), 50));
    }

    [SkippableFact]
    public async Task An_append_returns_only_entries_since_from_and_at_most_the_newest_limit()
    {
        var site = TestData.NewSite();
        var entries = Enumerable.Range(0, 6).Select(i => Entry(site, "author-1", BaseTime.AddMinutes(i))).ToList();
        foreach (var entry in entries)
        {
            await Store.AppendAsync(entry, BaseTime, 50);
        }

        Assert.Equal(entries[2..], await Store.AppendAsync(Entry(site, "author-1", BaseTime.AddMinutes(9)), BaseTime.AddMinutes(2), 50));
        var limited = await Store.AppendAsync(Entry(site, "author-1", BaseTime.AddMinutes(10)), BaseTime, 3);
        Assert.Equal(3, limited.Count);
        Assert.Equal(entries[^1], limited[1]);
    }

    [SkippableFact]
    public async Task Of_appends_racing_for_one_author_each_sees_exactly_those_appended_before_it()
    {
        var site = TestData.NewSite();
        var entries = Enumerable.Range(0, 8).Select(_ => Entry(site, "author-1", BaseTime, "the same text every time")).ToList();

        var seen = await Task.WhenAll(entries.Select(entry => Task.Run(() => Store.AppendAsync(entry, BaseTime.AddHours(-1), 50))));

        // One total order: sorted by how much each saw, every history is the previous one plus the previous entry.
        var order = seen.Select((history, index) => (History: history, Entry: entries[index])).OrderBy(x => x.History.Count).ToList();
        Assert.Equal(Enumerable.Range(0, 8), order.Select(x => x.History.Count));
        for (var i = 1; i < order.Count; i++)
        {
            Assert.Equal(order[i - 1].History.Append(order[i - 1].Entry), order[i].History);
        }
    }

    [SkippableFact]
    public async Task Appending_a_comment_again_appends_nothing_and_returns_what_came_before_it()
    {
        var site = TestData.NewSite();
        var first = Entry(site, "author-1", BaseTime);
        var second = Entry(site, "author-1", BaseTime.AddSeconds(1));
        await Store.AppendAsync(first, BaseTime.AddDays(-1), 50);
        await Store.AppendAsync(second, BaseTime.AddDays(-1), 50);

        Assert.Equal([first], await Store.AppendAsync(second with { Text = "retried" }, BaseTime.AddDays(-1), 50));
        Assert.Equal([], await Store.AppendAsync(first, BaseTime.AddDays(-1), 50));
        Assert.Equal([first, second], await Store.AppendAsync(Entry(site, "author-1", BaseTime.AddSeconds(2)), BaseTime.AddDays(-1), 50));
    }

    [SkippableFact]
    public async Task Prune_deletes_only_entries_older_than_the_cutoff()
    {
        var past = BaseTime.AddYears(-2);
        var site = TestData.NewSite();
        var old = Entry(site, "author-1", past);
        var atCutoff = Entry(site, "author-1", past.AddDays(1));
        await Store.AppendAsync(old, past.AddYears(-1), 50);
        await Store.AppendAsync(atCutoff, past.AddYears(-1), 50);

        Assert.Equal(1, await Store.PruneAsync(past.AddDays(1)));
        Assert.Equal([atCutoff], await Store.AppendAsync(Entry(site, "author-1", past.AddDays(2)), past.AddYears(-1), 50));
    }
}
