using Moderation.Contracts;
using Moderation.Review.Tests.Infrastructure;

namespace Moderation.Review.Tests.Api;

/// <summary>
/// The console decides the open item and claims the next at once (claim?keepOthers=true): the open item keeps its lease
/// until its decision clears it, so no other moderator can take it in between; a plain claim gives every other lease back.
/// </summary>
[Collection(ReviewHostCollection.Name)]
public sealed class ClaimWhileDecidingTests(ReviewHost host)
{
    private const string Site = ReviewHost.DecidedSite;

    [Fact]
    public async Task Claiming_the_next_while_deciding_keeps_the_open_items_lease_and_a_plain_claim_releases_it()
    {
        var article = $"keep-{Guid.NewGuid():N}"[..16];
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var body = $"Keep {i} https://example.org/keep/{i}";
            ids.Add(await host.QueueOneAsync(Site, article, body, new CommentAuthor($"keep-{i}", "Keeper"), [new RuleHit("link.any", "link", "low", 7, 10, "https://ex")]));
        }

        var name = await host.CreateModeratorAsync("keeper", Site);
        using var ann = await host.SignInAsync(name);
        using var bob = await host.SignInAsync(await host.CreateModeratorAsync("grabber", Site));
        await ann.PostJsonAsync($"/v1/review/items/{ids[0]}/claim");
        await ann.PostJsonAsync($"/v1/review/items/{ids[1]}/claim?keepOthers=true");

        // Both are Ann's: Bob cannot take the one she is deciding, and her decision on it goes through.
        Assert.Equal(name, (await ann.GetJsonAsync($"/v1/review/items/{ids[0]}"))["lease"]!["moderator"]!.GetValue<string>());
        Assert.Equal(409, (int)(await bob.PostAsync($"/v1/review/items/{ids[0]}/claim")).StatusCode);
        Assert.Equal("approved", (await ann.PostJsonAsync($"/v1/review/items/{ids[0]}/approve", new { }))["status"]!.GetValue<string>());

        // A plain claim gives back what she held.
        await ann.PostJsonAsync($"/v1/review/items/{ids[2]}/claim");
        Assert.Null((await ann.GetJsonAsync($"/v1/review/items/{ids[1]}"))["lease"]);
    }
}
