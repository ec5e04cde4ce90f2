using Moderation.Integration.Tests.Infrastructure;
using Moderation.Testing;

namespace Moderation.Integration.Tests;

/// <summary>
/// Duplicate and flood rules look at an author's earlier comments. Those live in the store every worker shares, so a
/// worker that never saw the earlier comments still decides as if it had: here each check is decided by a fresh worker
/// instance started after the first one was stopped.
/// </summary>
[Collection(DistributedCollection.Name)]
public sealed class SharedRuleStateTests(DistributedSystem system)
{
    [Fact]
    public async Task A_duplicate_is_caught_by_a_worker_that_never_saw_the_original()
    {
        var author = $"dup-{Guid.NewGuid():N}";
        var text = "Third time I am writing this under a council story: the summit changes nothing at all.";

        var original = await DecideWithOnlyAFreshWorkerAsync(() => system.Site.SubmitAsync($"a-{Guid.NewGuid():N}", text, author));
        Assert.Equal("approved", original["status"]!.GetValue<string>());

        var repeat = await DecideWithOnlyAFreshWorkerAsync(() => system.Site.SubmitAsync($"a-{Guid.NewGuid():N}", text, author));
        Assert.Equal("flagged", repeat["status"]!.GetValue<string>());
        Assert.Contains(repeat["decision"]!["hits"]!.AsArray(), hit => hit!["category"]!.GetValue<string>() == "duplicate");
    }

    [Fact]
    public async Task Flood_counts_comments_decided_by_other_workers()
    {
        var author = $"flood-{Guid.NewGuid():N}";
        string[] topics = ["the vote", "the talks", "the envoy", "the tariffs", "the summit", "the treaty", "the sanctions"];

        // Five comments with every worker running: the two replicas share them out.
        for (var i = 0; i < 5; i++)
        {
            var id = await system.Site.SubmitAsync("flood-article", $"Comment {i} on {topics[i]}, which deserves a closer look.", author);
            Assert.Equal("approved", (await system.Site.WaitForFinalStatusAsync(id))!["status"]!.GetValue<string>());
        }

        // The sixth, decided by a worker started just now, still sees the five.
        var sixth = await DecideWithOnlyAFreshWorkerAsync(
            () => system.Site.SubmitAsync("flood-article", $"Comment 5 on {topics[5]}, which deserves a closer look.", author));
        Assert.Equal("flagged", sixth["status"]!.GetValue<string>());
        Assert.Contains(sixth["decision"]!["hits"]!.AsArray(), hit => hit!["category"]!.GetValue<string>() == "flood");
    }

    /// <summary>Stops every running worker, starts a new one, lets it decide the comment, then restores two workers.</summary>
    private async Task<System.Text.Json.Nodes.JsonNode> DecideWithOnlyAFreshWorkerAsync(Func<Task<Guid>> submit)
    {
        foreach (var worker in system.Workers.ToList())
        {
            await system.StopWorkerAsync(worker);
        }

        await system.StartWorkerAsync();
        try
        {
            var id = await submit();
            return (await system.Site.WaitForFinalStatusAsync(id))!;
        }
        finally
        {
            await system.StartWorkerAsync();
        }
    }
}
