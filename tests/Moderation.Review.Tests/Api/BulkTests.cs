using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Moderation.Contracts;
using Moderation.Review.Tests.Infrastructure;

namespace Moderation.Review.Tests.Api;

/// <summary>Bulk approve or reject by filter: the count first, then exactly what was counted, however many.</summary>
[Collection(ReviewHostCollection.Name)]
public sealed class BulkTests(ReviewHost host)
{
    private const string Site = "api-bulk";

    [Fact]
    public async Task Ten_thousand_waiting_on_one_story_are_counted_then_approved_in_one_request_leaving_later_arrivals_held_items_and_other_stories()
    {
        var story = $"bulk-{Guid.NewGuid():N}"[..16];
        var ids = await host.QueueManyAsync(Site, story, 10_000);
        var other = await host.QueueOneAsync(Site, $"other-{Guid.NewGuid():N}"[..16], "Elsewhere https://example.org/x", new CommentAuthor("o1", "O"),
            [new RuleHit("link.any", "link", "low", 10, 21, "https://example.org/x")]);
        using var ann = await host.SignInAsync(await host.CreateModeratorAsync("bulk", Site));
        using var bob = await host.SignInAsync(await host.CreateModeratorAsync("bulkbob", Site));
        await bob.PostJsonAsync($"/v1/review/items/{ids[5]}/claim");

        var count = (await ann.GetJsonAsync($"/v1/review/sites/{Site}/bulk-count?article={story}"))["count"]!.GetValue<long>();
        Assert.Equal(10_000, count);
        var late = await host.QueueOneAsync(Site, story, "Arrived after the count https://example.org/late", new CommentAuthor("late", "Late"),
            [new RuleHit("link.any", "link", "low", 24, 24, "https://example.org/late")], DateTimeOffset.UtcNow.AddMinutes(1));

        // One request, however long it takes: a client that waits.
        using var slow = new HttpClient(new HttpClientHandler { CookieContainer = ann.Cookies }) { BaseAddress = host.Host.Address, Timeout = TimeSpan.FromMinutes(10) };
        slow.DefaultRequestHeaders.Add("X-CSRF-TOKEN", ann.Token);
        using var response = await slow.PostAsJsonAsync($"/v1/review/sites/{Site}/bulk?article={story}", new { action = "approve", expected = count, note = "harmless pile" });
        var result = await response.Content.ReadFromJsonAsync<JsonNode>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(9_999, result!["decided"]!.GetValue<int>());
        Assert.Equal(1, result["skipped"]!.GetValue<int>());
        Assert.Equal("approved", (await ann.GetJsonAsync($"/v1/review/items/{ids[9_999]}"))["status"]!.GetValue<string>());
        Assert.Equal("pending", (await ann.GetJsonAsync($"/v1/review/items/{ids[5]}"))["status"]!.GetValue<string>());
        Assert.Equal("pending", (await ann.GetJsonAsync($"/v1/review/items/{late}"))["status"]!.GetValue<string>());
        Assert.Equal("pending", (await ann.GetJsonAsync($"/v1/review/items/{other}"))["status"]!.GetValue<string>());
        Assert.Equal(2, (await ann.GetJsonAsync($"/v1/review/sites/{Site}/bulk-count?article={story}"))["count"]!.GetValue<long>());

        // Undo, within the window: every comment the bulk approved is rejected again, except one Bob re-decided since.
        var decided = result["ids"]!.AsArray().Select(id => id!.GetValue<Guid>()).ToList();
        Assert.Equal(9_999, decided.Count);
        Assert.DoesNotContain(ids[5], decided);
        Assert.True(result["undoUntil"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow.AddMinutes(20), "the default undo window (30 min)");
        await bob.PostJsonAsync($"/v1/review/items/{ids[100]}/redecide", new { action = "reject", expectedSequence = 1, reason = "spam", note = "bob took it down" });
        using var undoResponse = await slow.PostAsJsonAsync($"/v1/review/sites/{Site}/bulk-undo", new { action = "approve", ids = decided, reason = "spam", note = "approved too much" });
        var undo = await undoResponse.Content.ReadFromJsonAsync<JsonNode>();
        Assert.Equal(HttpStatusCode.OK, undoResponse.StatusCode);
        Assert.Equal(9_998, undo!["undone"]!.GetValue<int>());
        Assert.Equal(1, undo["skipped"]!.GetValue<int>());
        var last = await ann.GetJsonAsync($"/v1/review/items/{ids[9_999]}");
        Assert.Equal("rejected", last["status"]!.GetValue<string>());
        Assert.Equal(2, last["review"]!["sequence"]!.GetValue<long>());
        Assert.StartsWith("spam: approved too much", last["review"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        var bobs = await ann.GetJsonAsync($"/v1/review/items/{ids[100]}");
        Assert.Equal("spam: bob took it down", bobs["review"]!["reason"]!.GetValue<string>());
        Assert.Equal("pending", (await ann.GetJsonAsync($"/v1/review/items/{ids[5]}"))["status"]!.GetValue<string>());

        // Undoing again changes nothing: each is at a later decision now.
        using var again = await slow.PostAsJsonAsync($"/v1/review/sites/{Site}/bulk-undo", new { action = "approve", ids = decided.Take(50).ToList(), reason = "spam" });
        Assert.Equal(0, (await again.Content.ReadFromJsonAsync<JsonNode>())!["undone"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_bulk_action_needs_a_filter_an_action_a_count_and_a_sites_reason_and_another_site_is_404()
    {
        using var ann = await host.SignInAsync(await host.CreateModeratorAsync("bulkbad", Site));

        Assert.Equal(400, await ann.GetStatusAsync($"/v1/review/sites/{Site}/bulk-count"));
        foreach (var (query, body) in new (string, object)[]
        {
            ("", new { action = "approve", expected = 1 }),
            ("?rule=link.any", new { action = "delete", expected = 1 }),
            ("?rule=link.any", new { action = "approve" }),
            ("?rule=link.any", new { action = "reject", expected = 1, reason = "not-a-reason" }),
        })
        {
            using var response = await ann.PostAsync($"/v1/review/sites/{Site}/bulk{query}", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        foreach (var body in new object[]
        {
            new { action = "approve", ids = new[] { Guid.NewGuid() } },
            new { action = "approve", ids = new[] { Guid.NewGuid() }, reason = "not-a-reason" },
            new { action = "reject", ids = Array.Empty<Guid>() },
            new { action = "delete", ids = new[] { Guid.NewGuid() } },
        })
        {
            using var response = await ann.PostAsync($"/v1/review/sites/{Site}/bulk-undo", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        using var foreign = await ann.PostAsync("/v1/review/sites/api-b/bulk-undo", new { action = "reject", ids = new[] { Guid.NewGuid() } });
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(404, await ann.GetStatusAsync("/v1/review/sites/api-b/bulk-count?rule=link.any"));
        using var otherSite = await ann.PostAsync("/v1/review/sites/api-b/bulk?rule=link.any", new { action = "approve", expected = 1 });
        Assert.Equal(HttpStatusCode.NotFound, otherSite.StatusCode);
    }

    [Fact]
    public async Task A_bulk_action_is_kept_on_the_server_and_another_session_undoes_it_once()
    {
        var story = $"kept-{Guid.NewGuid():N}"[..16];
        var ids = await host.QueueManyAsync(Site, story, 50);
        var annName = await host.CreateModeratorAsync("kept-ann", Site);
        using var ann = await host.SignInAsync(annName);
        var result = await ann.PostJsonAsync($"/v1/review/sites/{Site}/bulk?article={story}", new { action = "reject", expected = 50, reason = "spam" });
        Assert.Equal(50, result["decided"]!.GetValue<int>());
        var actionId = result["actionId"]!.GetValue<Guid>();

        // Another moderator, in a session of their own that never saw the ids, finds the action and undoes it.
        using var bob = await host.SignInAsync(await host.CreateModeratorAsync("kept-bob", Site));
        var open = (await bob.GetJsonAsync($"/v1/review/sites/{Site}/bulk-actions")).AsArray();
        var listed = Assert.Single(open, a => a!["id"]!.GetValue<Guid>() == actionId)!;
        Assert.Equal("reject", listed["action"]!.GetValue<string>());
        Assert.Equal(50, listed["decided"]!.GetValue<int>());
        Assert.Equal(annName, listed["moderator"]!.GetValue<string>());

        // Someone outside the site sees nothing of it, even naming it on their own site.
        using (var outsider = await host.SignInAsync(await host.CreateModeratorAsync("kept-out", "api-b")))
        {
            Assert.Equal(404, await outsider.GetStatusAsync($"/v1/review/sites/{Site}/bulk-actions"));
            using var foreign = await outsider.PostAsync("/v1/review/sites/api-b/bulk-undo", new { actionId });
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        var undo = await bob.PostJsonAsync($"/v1/review/sites/{Site}/bulk-undo", new { actionId });
        Assert.Equal(50, undo["undone"]!.GetValue<int>());
        Assert.Equal("approved", (await bob.GetJsonAsync($"/v1/review/items/{ids[49]}"))["status"]!.GetValue<string>());
        Assert.DoesNotContain((await ann.GetJsonAsync($"/v1/review/sites/{Site}/bulk-actions")).AsArray(), a => a!["id"]!.GetValue<Guid>() == actionId);
        using var again = await ann.PostAsync($"/v1/review/sites/{Site}/bulk-undo", new { actionId });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using var unknown = await ann.PostAsync($"/v1/review/sites/{Site}/bulk-undo", new { actionId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
