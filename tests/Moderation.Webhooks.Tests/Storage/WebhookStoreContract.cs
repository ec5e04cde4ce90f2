using Moderation.Webhooks.Events;
using Moderation.Webhooks.Storage;

namespace Moderation.Webhooks.Tests.Storage;

/// <summary>What every webhook store must do, on SQLite and on MongoDB. Tests isolate themselves with a fresh site id.</summary>
public abstract class WebhookStoreContract
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private readonly string _site = $"site-{Guid.NewGuid():N}";

    protected abstract Task<IWebhookStore> CreateStoreAsync();

    private WebhookEvent NewEvent(string subject, DateTimeOffset occurredAt, string type = WebhookEventTypes.CommentApproved) =>
        new(Guid.NewGuid(), _site, $"{_site}:{subject}", type, occurredAt, $"{{\"type\":\"{type}\"}}");

    private async Task<List<WebhookDelivery>> ClaimMineAsync(IWebhookStore store, DateTimeOffset now, string owner = "a") =>
        (await store.ClaimDueAsync(now, Lease, owner, 1000)).Where(d => d.Event.SiteId == _site).ToList();

    [SkippableFact]
    public async Task An_event_is_stored_once_however_often_it_is_enqueued()
    {
        var store = await CreateStoreAsync();
        var e = NewEvent("c1", Now);
        Assert.True(await store.EnqueueAsync(e, Now));
        Assert.False(await store.EnqueueAsync(e, Now));

        var stored = await store.GetAsync(e.Id);
        Assert.Equal(e, stored!.Event);
        Assert.Equal(DeliveryStatus.Pending, stored.Status);
        Assert.Equal(0, stored.Attempts);
    }

    [SkippableFact]
    public async Task A_later_event_of_a_comment_waits_until_the_earlier_one_is_delivered_while_other_comments_go_ahead()
    {
        var store = await CreateStoreAsync();
        var first = NewEvent("c1", Now);
        var second = NewEvent("c1", Now.AddSeconds(1), WebhookEventTypes.CommentDecided);
        var other = NewEvent("c2", Now.AddSeconds(2));

        // Enqueued out of order: the order is the events', not the arrival's.
        await store.EnqueueAsync(second, Now);
        await store.EnqueueAsync(first, Now);
        await store.EnqueueAsync(other, Now);

        var claimed = await ClaimMineAsync(store, Now);
        Assert.Equal(new[] { first.Id, other.Id }.Order(), claimed.Select(d => d.Event.Id).Order());
        Assert.Empty(await ClaimMineAsync(store, Now, owner: "b"));

        // The first fails and waits: the second still may not overtake it.
        await store.RescheduleAsync(first.Id, "a", Now, Now.AddMinutes(1), "HTTP 503");
        Assert.Empty(await ClaimMineAsync(store, Now.AddSeconds(30)));

        var retried = Assert.Single(await ClaimMineAsync(store, Now.AddMinutes(1)));
        Assert.Equal(first.Id, retried.Event.Id);
        Assert.Equal(1, retried.Attempts);
        Assert.Equal(Now, retried.FirstFailedAt);
        Assert.Equal("HTTP 503", retried.LastError);
        await store.MarkDeliveredAsync(first.Id, "a", Now.AddMinutes(1));

        var next = Assert.Single(await ClaimMineAsync(store, Now.AddMinutes(1)));
        Assert.Equal(second.Id, next.Event.Id);
    }

    [SkippableFact]
    public async Task A_leased_event_goes_to_one_owner_and_returns_when_the_lease_runs_out()
    {
        var store = await CreateStoreAsync();
        var e = NewEvent("c1", Now);
        await store.EnqueueAsync(e, Now);

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => ClaimMineAsync(store, Now, owner: $"owner-{i}")));
        Assert.Equal(1, claims.Sum(c => c.Count));

        // Whoever lost the lease cannot record an outcome for it.
        var winner = $"owner-{Array.FindIndex(claims, c => c.Count == 1)}";
        await store.MarkDeliveredAsync(e.Id, "someone-else", Now);
        Assert.Equal(DeliveryStatus.Pending, (await store.GetAsync(e.Id))!.Status);

        var again = Assert.Single(await ClaimMineAsync(store, Now + Lease, owner: "late"));
        Assert.Equal(e.Id, again.Event.Id);
        await store.MarkDeliveredAsync(e.Id, winner, Now + Lease);
        Assert.Equal(DeliveryStatus.Pending, (await store.GetAsync(e.Id))!.Status);
        await store.MarkDeliveredAsync(e.Id, "late", Now + Lease);
        var delivered = await store.GetAsync(e.Id);
        Assert.Equal(DeliveryStatus.Delivered, delivered!.Status);
        Assert.Equal(1, delivered.Attempts);
        Assert.Empty(await ClaimMineAsync(store, Now.AddHours(1)));
    }

    [SkippableFact]
    public async Task A_dead_letter_is_listed_for_its_site_only_and_a_replay_makes_it_due_again()
    {
        var store = await CreateStoreAsync();
        var first = NewEvent("c1", Now);
        var later = NewEvent("c1", Now.AddSeconds(1));
        await store.EnqueueAsync(first, Now);
        await store.EnqueueAsync(later, Now);
        Assert.Single(await ClaimMineAsync(store, Now));
        await store.DeadLetterAsync(first.Id, "a", Now.AddDays(1), "HTTP 500");

        // A dead letter no longer holds back the events after it.
        var next = Assert.Single(await ClaimMineAsync(store, Now.AddDays(1)));
        Assert.Equal(later.Id, next.Event.Id);
        await store.MarkDeliveredAsync(later.Id, "a", Now.AddDays(1));

        var listed = Assert.Single(await store.ListDeadLettersAsync(_site, 100));
        Assert.Equal(first.Id, listed.Event.Id);
        Assert.Equal("HTTP 500", listed.LastError);
        Assert.Equal(1, listed.Attempts);
        Assert.Empty(await store.ListDeadLettersAsync($"other-{_site}", 100));
        Assert.False(await store.ReplayAsync($"other-{_site}", first.Id, Now.AddDays(2)));
        Assert.False(await store.ReplayAsync(_site, later.Id, Now.AddDays(2)));

        Assert.True(await store.ReplayAsync(_site, first.Id, Now.AddDays(2)));
        Assert.Empty(await store.ListDeadLettersAsync(_site, 100));
        var replayed = Assert.Single(await ClaimMineAsync(store, Now.AddDays(2)));
        Assert.Equal(0, replayed.Attempts);
        Assert.Null(replayed.FirstFailedAt);
    }

    [SkippableFact]
    public async Task Delivered_events_are_purged_after_their_keeping_time_and_nothing_else_is()
    {
        var store = await CreateStoreAsync();
        var old = NewEvent("c1", Now);
        var recent = NewEvent("c2", Now);
        var dead = NewEvent("c3", Now);
        var pending = NewEvent("c4", Now);
        foreach (var e in new[] { old, recent, dead, pending })
        {
            await store.EnqueueAsync(e, Now);
        }

        Assert.Equal(4, (await ClaimMineAsync(store, Now)).Count);
        await store.MarkDeliveredAsync(old.Id, "a", Now);
        await store.MarkDeliveredAsync(recent.Id, "a", Now.AddDays(2));
        await store.DeadLetterAsync(dead.Id, "a", Now, "HTTP 500");
        await store.RescheduleAsync(pending.Id, "a", Now, Now.AddMinutes(1), "HTTP 500");

        Assert.True(await store.PurgeDeliveredAsync(Now.AddDays(1)) >= 1);
        Assert.Null(await store.GetAsync(old.Id));
        Assert.NotNull(await store.GetAsync(recent.Id));
        Assert.NotNull(await store.GetAsync(dead.Id));
        Assert.NotNull(await store.GetAsync(pending.Id));
    }

    [SkippableFact]
    public async Task Replay_all_returns_every_dead_letter_of_the_site_and_the_list_respects_its_limit()
    {
        var store = await CreateStoreAsync();
        var events = Enumerable.Range(0, 5).Select(i => NewEvent($"c{i}", Now.AddSeconds(i))).ToList();
        foreach (var e in events)
        {
            await store.EnqueueAsync(e, Now);
        }

        foreach (var claimed in await ClaimMineAsync(store, Now))
        {
            await store.DeadLetterAsync(claimed.Event.Id, "a", Now, "timeout");
        }

        Assert.Equal(events.Take(3).Select(e => e.Id), (await store.ListDeadLettersAsync(_site, 3)).Select(d => d.Event.Id));
        Assert.Equal(5, await store.ReplayAllAsync(_site, Now));
        Assert.Equal(0, await store.ReplayAllAsync(_site, Now));
        Assert.Equal(5, (await ClaimMineAsync(store, Now)).Count);
    }
}
