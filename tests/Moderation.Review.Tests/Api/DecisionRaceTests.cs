using System.Net;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Contracts;
using Moderation.Review.Tests.Infrastructure;
using Moderation.Storage.Review;
using Moderation.Testing;

namespace Moderation.Review.Tests.Api;

/// <summary>
/// Two moderators send approve and reject for the same unleased comment at the same moment, 50 times, through the
/// composed host, on each store provider (<see cref="SqliteDecisionRaceTests"/>, <see cref="MongoDecisionRaceTests"/>).
/// Every comment ends with exactly one recorded decision, and its queue item, its status, its place on the article and
/// its audit entry all say the same thing.
/// </summary>
public abstract class DecisionRaceTests(ReviewHost host)
{
    private const string Site = "api-a";
    private const int Rounds = 50;

    /// <summary>Skips (or, under CI, fails) when the provider has nothing to run on.</summary>
    protected virtual void RequireHost()
    {
    }

    [SkippableFact]
    public async Task Fifty_rounds_of_approve_and_reject_at_once_leave_status_article_and_audit_in_agreement()
    {
        RequireHost();
        var article = $"race-{Guid.NewGuid():N}"[..16];
        var approverName = await host.CreateModeratorAsync("approver", Site);
        var rejecterName = await host.CreateModeratorAsync("rejecter", Site);
        using var approver = await host.SignInAsync(approverName);
        using var rejecter = await host.SignInAsync(rejecterName);

        var ids = new List<Guid>();
        for (var round = 0; round < Rounds; round++)
        {
            ids.Add(await host.SubmitFlaggedAsync(Site, article, $"Round {round}: https://example.org/race/{round}", authorId: $"racer-{round}"));
        }

        var winners = new Dictionary<Guid, string>();
        foreach (var id in ids)
        {
            var approve = approver.PostAsync($"/v1/review/items/{id}/approve", new { });
            var reject = rejecter.PostAsync($"/v1/review/items/{id}/reject", new { reason = "spam" });
            using var approved = await approve;
            using var rejected = await reject;

            Assert.Single(new[] { approved, rejected }, response => response.StatusCode == HttpStatusCode.OK);
            Assert.Single(new[] { approved, rejected }, response => response.StatusCode == HttpStatusCode.Conflict);
            winners[id] = approved.StatusCode == HttpStatusCode.OK ? "approved" : "rejected";
        }

        var site = host.Site(Site);
        foreach (var (id, outcome) in winners)
        {
            await Eventually.MatchesAsync(
                () => site.GetStatusAsync(id), status => status?["status"]?.GetValue<string>() == outcome, $"comment {id} {outcome}");
        }

        var approvedIds = winners.Where(w => w.Value == "approved").Select(w => w.Key).ToHashSet();
        await Eventually.MatchesAsync(
            () => site.ListAsync(article, "?limit=100"),
            page => page["items"]!.AsArray().Select(c => c!["id"]!.GetValue<Guid>()).ToHashSet().SetEquals(approvedIds),
            "exactly the approved comments on the article");

        var audit = (await host.Admin.GetJsonAsync($"/v1/review/audit?site={Site}&moderator={approverName}&limit=200"))["items"]!.AsArray()
            .Concat((await host.Admin.GetJsonAsync($"/v1/review/audit?site={Site}&moderator={rejecterName}&limit=200"))["items"]!.AsArray())
            .ToList();
        Assert.Equal(Rounds, audit.Count);
        foreach (var (id, outcome) in winners)
        {
            var entry = Assert.Single(audit, e => e!["commentId"]!.GetValue<Guid>() == id);
            Assert.Equal(outcome, entry!["outcome"]!.GetValue<string>());
        }

        // One decision recorded per comment, on the item itself, and every event sent (the outbox drained).
        var queue = host.Host.Services.GetRequiredService<IReviewQueueStore>();
        foreach (var (id, outcome) in winners)
        {
            var item = await queue.GetAsync(id);
            Assert.Equal(outcome == "approved" ? ReviewItemStatus.Approved : ReviewItemStatus.Rejected, item!.Status);
            Assert.Equal(1, item.Review!.Sequence);
        }

        await Eventually.MatchesAsync(
            async () => (await queue.ListUnsentDecisionsAsync(1000)).Count(item => winners.ContainsKey(item.Comment.Id)),
            unsent => unsent == 0,
            "every decision's event sent");
    }

    [SkippableFact]
    public async Task A_decision_recorded_before_a_crash_is_sent_by_the_relay()
    {
        RequireHost();
        var article = $"relay-{Guid.NewGuid():N}"[..16];
        var id = await host.SubmitFlaggedAsync(Site, article, "Relay me: https://example.org/relay", authorId: "relayed");
        var queue = host.Host.Services.GetRequiredService<IReviewQueueStore>();

        // What a decider that died right after its write leaves behind: the decision with its audit entry, its event
        // unsent, nothing published, nothing in the audit log.
        var review = new ModeratorDecision("crashed-moderator", null, DateTimeOffset.UtcNow);
        var entry = new ReviewAuditEntry(
            NewId.NextGuid(), Site, id, article, "relayed", review.ModeratorId, ReviewItemStatus.Approved, null, "approved before the crash",
            ["link.any"], ["link"], review.DecidedAt);
        Assert.True(await queue.DecideAsync(id, ReviewItemStatus.Approved, review, review.DecidedAt, entry));

        var site = host.Site(Site);
        await Eventually.MatchesAsync(
            () => site.ListAsync(article), page => page["items"]!.AsArray().Any(c => c!["id"]!.GetValue<Guid>() == id), "the relayed approval published");
        await Eventually.MatchesAsync(
            () => site.GetStatusAsync(id), status => status?["status"]?.GetValue<string>() == "approved", "status approved");
        await Eventually.MatchesAsync(
            async () => (await queue.ListUnsentDecisionsAsync(1000)).Any(item => item.Comment.Id == id),
            unsent => !unsent,
            "the outbox entry marked sent");
        var audit = await host.Admin.GetJsonAsync($"/v1/review/audit?site={Site}&moderator=crashed-moderator&limit=200");
        var logged = Assert.Single(audit["items"]!.AsArray(), e => e!["commentId"]!.GetValue<Guid>() == id);
        Assert.Equal("approved", logged!["outcome"]!.GetValue<string>());
        Assert.Equal("approved before the crash", logged["note"]!.GetValue<string>());
    }
}
