using Moderation.Storage.Comments;
using Moderation.Storage.Tests.Fixtures;

namespace Moderation.Storage.Tests.Contracts;

public abstract class IdempotencyStoreContract : StoreContract
{
    private IIdempotencyStore Store => Stores.Idempotency;

    private static IdempotencyRecord Candidate(string siteId, string key = "key-1") =>
        new(siteId, key, $"hash-{Guid.NewGuid():N}", Guid.NewGuid(), TestData.BaseTime);

    [SkippableFact]
    public async Task GetOrAdd_stores_the_first_candidate_and_returns_it_to_later_callers()
    {
        var first = Candidate(TestData.NewSite());

        Assert.Equal(first, await Store.GetOrAddAsync(first));
        Assert.Equal(first, await Store.GetOrAddAsync(first with { RequestHash = "other", CommentId = Guid.NewGuid() }));
    }

    [SkippableFact]
    public async Task Concurrent_calls_with_one_key_all_get_the_same_stored_record()
    {
        var site = TestData.NewSite();
        var candidates = Enumerable.Range(0, 20).Select(_ => Candidate(site)).ToList();

        var results = await Task.WhenAll(candidates.Select(c => Task.Run(() => Store.GetOrAddAsync(c))));

        var winner = Assert.Single(results.Distinct());
        Assert.Contains(winner, candidates);
    }

    [SkippableFact]
    public async Task Keys_are_scoped_to_their_site()
    {
        var a = Candidate(TestData.NewSite());
        var b = Candidate(TestData.NewSite());

        Assert.Equal(a, await Store.GetOrAddAsync(a));
        Assert.Equal(b, await Store.GetOrAddAsync(b));
    }

    [SkippableFact]
    public async Task MarkPublished_sets_the_flag_and_is_a_no_op_for_an_unknown_key()
    {
        var record = Candidate(TestData.NewSite());
        await Store.GetOrAddAsync(record);

        await Store.MarkPublishedAsync(record.SiteId, record.Key);
        await Store.MarkPublishedAsync(record.SiteId, "unknown");

        Assert.Equal(record with { Published = true }, await Store.GetOrAddAsync(record));
    }

    [SkippableFact]
    public async Task CreatedAt_is_truncated_to_milliseconds()
    {
        var record = Candidate(TestData.NewSite()) with { CreatedAt = TestData.BaseTime.AddTicks(1234) };

        var stored = await Store.GetOrAddAsync(record);

        Assert.Equal(record with { CreatedAt = TestData.BaseTime }, stored);
    }
}
