using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Review.Tests.Infrastructure;
using Moderation.Storage.Review;
using Moderation.Testing;

namespace Moderation.Review.Tests.Api;

/// <summary>
/// The decided queue and its undo / re-decide / takedown (POST items/{id}/redecide), through the composed host, on each
/// store provider (<see cref="SqliteRedecisionTests"/>, <see cref="MongoRedecisionTests"/>): each new decision is
/// numbered after the one the moderator saw, so Publishing applies it, and the item, the comment's status, its place
/// on the article and the audit log end in agreement, also when two moderators re-decide at once.
/// </summary>
public abstract class RedecisionTests(ReviewHost host)
{
    private const string Site = ReviewHost.DecidedSite;

    /// <summary>Skips (or, under CI, fails) when the provider has nothing to run on.</summary>
    protected virtual void RequireHost()
    {
    }

    [SkippableFact]
    public async Task Decided_queue_lists_newest_first_and_undo_takes_down_an_approval_and_publishes_a_rejection()
    {
        RequireHost();
        var article = $"undo-{Guid.NewGuid():N}"[..16];
        var moderator = await host.CreateModeratorAsync("undoer", Site);
        using var console = await host.SignInAsync(moderator);
        var approved = await host.SubmitFlaggedAsync(Site, article, "Approve then undo: https://example.org/undo/1", authorId: "undo-a");
        var rejected = await host.SubmitFlaggedAsync(Site, article, "Reject then undo: https://example.org/undo/2", authorId: "undo-b");
        await DecideAsync(console, approved, "approve");
        await DecideAsync(console, rejected, "reject");
        var site = host.Site(Site);
        await WaitForAsync(site, article, approved, published: true, "approved");

        var decided = (await console.GetJsonAsync($"/v1/review/sites/{Site}/decided?limit=500"))["items"]!.AsArray();
        var ours = decided.Where(i => i!["id"]!.GetValue<Guid>() == approved || i["id"]!.GetValue<Guid>() == rejected).ToList();
        Assert.Equal([rejected, approved], ours.Select(i => i!["id"]!.GetValue<Guid>()));
        Assert.Equal("rejected", ours[0]!["status"]!.GetValue<string>());
        Assert.Equal("spam", ours[0]!["reason"]!.GetValue<string>());
        Assert.All(ours, i => Assert.Equal(1, i!["sequence"]!.GetValue<long>()));
        Assert.All(ours, i => Assert.True(i!["canUndo"]!.GetValue<bool>()));
        Assert.All(ours, i => Assert.Equal(moderator, i!["moderator"]!.GetValue<string>()));
        var onlyApproved = (await console.GetJsonAsync($"/v1/review/sites/{Site}/decided?outcome=approved&limit=500"))["items"]!.AsArray();
        Assert.Contains(onlyApproved, i => i!["id"]!.GetValue<Guid>() == approved);
        Assert.DoesNotContain(onlyApproved, i => i!["id"]!.GetValue<Guid>() == rejected);

        // Undo both: the approval becomes a takedown, the rejection a publication.
        var undone = await console.PostJsonAsync($"/v1/review/items/{approved}/redecide", new { action = "reject", expectedSequence = 1, reason = "spam", note = "missed the link" });
        Assert.Equal(2, undone["sequence"]!.GetValue<long>());
        await console.PostJsonAsync($"/v1/review/items/{rejected}/redecide", new { action = "approve", expectedSequence = 1 });
        await WaitForAsync(site, article, approved, published: false, "rejected");
        await WaitForAsync(site, article, rejected, published: true, "approved");

        // The decision the moderator saw is gone: replaying it is refused, and nothing changes.
        using (var stale = await console.PostAsync($"/v1/review/items/{approved}/redecide", new { action = "approve", expectedSequence = 1 }))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }

        var audit = await AuditOfAsync(moderator);
        var forApproved = audit.Where(e => e!["commentId"]!.GetValue<Guid>() == approved).ToList();
        Assert.Equal(["rejected", "approved"], forApproved.Select(e => e!["outcome"]!.GetValue<string>()));
        Assert.Equal($"missed the link (re-decided, was approved by {moderator})", forApproved[0]!["note"]!.GetValue<string>());
        Assert.Equal(["approved", "rejected"], audit.Where(e => e!["commentId"]!.GetValue<Guid>() == rejected).Select(e => e!["outcome"]!.GetValue<string>()));
        var again = (await console.GetJsonAsync($"/v1/review/sites/{Site}/decided?limit=500"))["items"]!.AsArray();
        var now = again.Single(i => i!["id"]!.GetValue<Guid>() == approved)!;
        Assert.Equal("rejected", now["status"]!.GetValue<string>());
        Assert.Equal(2, now["sequence"]!.GetValue<long>());
        await WaitForAsync(site, article, approved, published: false, "rejected");
    }

    [SkippableFact]
    public async Task Two_moderators_re_deciding_at_once_leave_item_status_article_and_audit_in_agreement()
    {
        RequireHost();
        const int Rounds = 20;
        var article = $"redo-{Guid.NewGuid():N}"[..16];
        var first = await host.CreateModeratorAsync("redo-a", Site);
        var second = await host.CreateModeratorAsync("redo-b", Site);
        using var one = await host.SignInAsync(first);
        using var two = await host.SignInAsync(second);
        var ids = new List<Guid>();
        for (var round = 0; round < Rounds; round++)
        {
            var id = await host.SubmitFlaggedAsync(Site, article, $"Redo {round}: https://example.org/redo/{round}", authorId: $"redoer-{round}");
            await DecideAsync(one, id, round % 2 == 0 ? "approve" : "reject");
            ids.Add(id);
        }

        var winners = new Dictionary<Guid, (string Moderator, string Outcome)>();
        foreach (var id in ids)
        {
            var takeDown = one.PostAsync($"/v1/review/items/{id}/redecide", new { action = "reject", expectedSequence = 1, reason = "spam" });
            var publish = two.PostAsync($"/v1/review/items/{id}/redecide", new { action = "approve", expectedSequence = 1 });
            using var down = await takeDown;
            using var up = await publish;
            Assert.Single(new[] { down, up }, r => r.StatusCode == HttpStatusCode.OK);
            Assert.Single(new[] { down, up }, r => r.StatusCode == HttpStatusCode.Conflict);
            winners[id] = down.StatusCode == HttpStatusCode.OK ? (first, "rejected") : (second, "approved");
        }

        var site = host.Site(Site);
        var queue = host.Host.Services.GetRequiredService<IReviewQueueStore>();
        var audit = (await AuditOfAsync(first)).Concat(await AuditOfAsync(second)).ToList();
        foreach (var (id, (moderator, outcome)) in winners)
        {
            var item = await queue.GetAsync(id);
            Assert.Equal(outcome, item!.Status.ToString().ToLowerInvariant());
            Assert.Equal(2, item.Review!.Sequence);
            Assert.Equal(moderator, item.Review.ModeratorId);
            var entries = audit.Where(e => e!["commentId"]!.GetValue<Guid>() == id).OrderByDescending(e => e!["at"]!.GetValue<DateTimeOffset>()).ToList();
            Assert.Equal(2, entries.Count);
            Assert.Equal(outcome, entries[0]!["outcome"]!.GetValue<string>());
            Assert.Equal(moderator, entries[0]!["moderator"]!.GetValue<string>());
        }

        var published = winners.Where(w => w.Value.Outcome == "approved").Select(w => w.Key).ToHashSet();
        await Eventually.MatchesAsync(
            () => site.ListAsync(article, "?limit=100"),
            page => page["items"]!.AsArray().Select(c => c!["id"]!.GetValue<Guid>()).ToHashSet().SetEquals(published),
            "exactly the re-approved comments on the article");
        foreach (var (id, (_, outcome)) in winners)
        {
            await Eventually.MatchesAsync(() => site.GetStatusAsync(id), s => s?["status"]?.GetValue<string>() == outcome, $"comment {id} {outcome}");
        }
    }

    [SkippableFact]
    public async Task Outside_the_undo_window_only_a_takedown_is_allowed_and_bad_requests_are_4xx()
    {
        RequireHost();
        const string Closed = ReviewHost.ClosedUndoSite;
        var article = $"closed-{Guid.NewGuid():N}"[..16];
        var moderator = await host.CreateModeratorAsync("closer", Closed);
        using var console = await host.SignInAsync(moderator);
        var approved = await host.SubmitFlaggedAsync(Closed, article, "Published, then taken down: https://example.org/closed/1", authorId: "closed-a");
        var rejected = await host.SubmitFlaggedAsync(Closed, article, "Rejected for good: https://example.org/closed/2", authorId: "closed-b");
        var waiting = await host.SubmitFlaggedAsync(Closed, article, "Still waiting: https://example.org/closed/3", authorId: "closed-c");
        await DecideAsync(console, approved, "approve");
        await DecideAsync(console, rejected, "reject");
        var site = host.Site(Closed);
        await WaitForAsync(site, article, approved, published: true, "approved");

        var listed = (await console.GetJsonAsync($"/v1/review/sites/{Closed}/decided"))["items"]!.AsArray();
        Assert.All(listed, i => Assert.False(i!["canUndo"]!.GetValue<bool>()));

        await ExpectAsync(console, rejected, new { action = "approve", expectedSequence = 1 }, HttpStatusCode.Conflict, "undo window");
        await ExpectAsync(console, waiting, new { action = "reject", expectedSequence = 1, reason = "spam" }, HttpStatusCode.Conflict, "not decided");
        await ExpectAsync(console, approved, new { action = "publish", expectedSequence = 1 }, HttpStatusCode.BadRequest, "action");
        await ExpectAsync(console, approved, new { action = "reject", reason = "spam" }, HttpStatusCode.BadRequest, "expectedSequence");
        await ExpectAsync(console, approved, new { action = "reject", expectedSequence = 1, reason = "no-such-reason" }, HttpStatusCode.BadRequest, "reason");

        // A moderator of another site sees nothing of it.
        var outsider = await host.CreateModeratorAsync("outsider", Site);
        using (var other = await host.SignInAsync(outsider))
        {
            await ExpectAsync(other, approved, new { action = "reject", expectedSequence = 1, reason = "spam" }, HttpStatusCode.NotFound, "");
            Assert.Equal(404, await other.GetStatusAsync($"/v1/review/sites/{Closed}/decided"));
        }

        Assert.Equal(400, await console.GetStatusAsync($"/v1/review/sites/{Closed}/decided?outcome=pending"));
        Assert.Equal(400, await console.GetStatusAsync($"/v1/review/sites/{Closed}/decided?limit=0"));

        // Taking down a published comment is never too late.
        var down = await console.PostJsonAsync($"/v1/review/items/{approved}/redecide", new { action = "reject", expectedSequence = 1, reason = "spam" });
        Assert.Equal("rejected", down["status"]!.GetValue<string>());
        await WaitForAsync(site, article, approved, published: false, "rejected");
        await WaitForAsync(site, article, rejected, published: false, "rejected");
    }

    private static async Task DecideAsync(ConsoleClient console, Guid id, string action)
    {
        using var response = await console.PostAsync($"/v1/review/items/{id}/{action}", action == "reject" ? new { reason = "spam" } : new { });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static async Task ExpectAsync(ConsoleClient console, Guid id, object body, HttpStatusCode expected, string mentions)
    {
        using var response = await console.PostAsync($"/v1/review/items/{id}/redecide", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        Assert.Contains(mentions, text, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<List<JsonNode?>> AuditOfAsync(string moderator) =>
        [.. (await host.Admin.GetJsonAsync($"/v1/review/audit?moderator={moderator}&limit=200"))["items"]!.AsArray()];

    private static async Task WaitForAsync(SiteApiClient site, string article, Guid id, bool published, string status)
    {
        await Eventually.MatchesAsync(
            () => site.ListAsync(article, "?limit=100"),
            page => page["items"]!.AsArray().Any(c => c!["id"]!.GetValue<Guid>() == id) == published,
            $"comment {id} {(published ? "on" : "off")} its article");
        await Eventually.MatchesAsync(() => site.GetStatusAsync(id), s => s?["status"]?.GetValue<string>() == status, $"comment {id} {status}");
    }
}
