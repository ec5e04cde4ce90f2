using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Moderation.Testing;
using Moderation.Webhooks.Tests.Infrastructure;

namespace Moderation.Webhooks.Tests.Delivery;

/// <summary>A receiver that refuses every signature: the event is dead-lettered, listed, and delivered once replayed.</summary>
public sealed class DeadLetterTests(ImpatientWebhookHost host) : IClassFixture<ImpatientWebhookHost>
{
    [Fact]
    public async Task A_wrong_signature_is_refused_the_event_is_dead_lettered_and_an_admin_replays_it()
    {
        var site = host.Site("hooks");
        var client = host.Client("hooks");
        host.Receiver.KnownSecrets = [WebhookHost.WrongSecret];
        var article = $"article-{Guid.NewGuid():N}";
        var id = await site.SubmitAsync(article, "A calm and useful comment about the budget debate.", authorId: "dl-1");

        var list = await Eventually.MatchesAsync(
            async () => await client.GetFromJsonAsync<JsonNode>("/v1/sites/hooks/webhooks/dead-letters"),
            json => json!["items"]!.AsArray().Any(item => item!["event"]!["comment"]!["id"]!.GetValue<Guid>() == id),
            "the refused event in the dead-letter list");
        var item = list!["items"]!.AsArray().Single(item => item!["event"]!["comment"]!["id"]!.GetValue<Guid>() == id)!;
        Assert.Equal("comment.approved", item["type"]!.GetValue<string>());
        Assert.Contains("401", item["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(item["attempts"]!.GetValue<int>() >= 2);
        Assert.True(host.Receiver.BadSignatures >= 2);
        Assert.DoesNotContain(host.Receiver.Accepted, e => e.CommentId == id);

        // The site fixes its receiver and replays.
        host.Receiver.KnownSecrets = [WebhookHost.Secret];
        var eventId = item["id"]!.GetValue<Guid>();
        using (var replay = await client.PostAsync($"/v1/sites/hooks/webhooks/dead-letters/{eventId}/replay", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        }

        var received = await Eventually.MatchesAsync(
            () => Task.FromResult(host.Receiver.Accepted.Where(e => e.CommentId == id).ToList()),
            events => events.Count == 1,
            "the replayed event");
        Assert.Equal(eventId, received[0].Id);
        var after = await client.GetFromJsonAsync<JsonNode>("/v1/sites/hooks/webhooks/dead-letters");
        Assert.DoesNotContain(after!["items"]!.AsArray(), entry => entry!["id"]!.GetValue<Guid>() == eventId);
        Assert.Equal("delivered", (await host.GetEventAsync("hooks", eventId))!["status"]!.GetValue<string>());

        // A second replay of a delivered event finds nothing to replay.
        using var again = await client.PostAsync($"/v1/sites/hooks/webhooks/dead-letters/{eventId}/replay", null);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Replaying_all_puts_every_dead_letter_back_and_other_sites_cannot_touch_them()
    {
        var site = host.Site("hooks");
        var client = host.Client("hooks");
        host.Receiver.KnownSecrets = [WebhookHost.WrongSecret];
        var article = $"article-{Guid.NewGuid():N}";
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await site.SubmitAsync(article, $"Comment number {i} on the budget, calm and on topic.", authorId: $"dl-all-{i}"));
        }

        await Eventually.MatchesAsync(
            async () => await client.GetFromJsonAsync<JsonNode>("/v1/sites/hooks/webhooks/dead-letters?limit=500"),
            json => ids.All(id => json!["items"]!.AsArray().Any(item => item!["event"]!["comment"]!["id"]!.GetValue<Guid>() == id)),
            "all three events dead-lettered");

        var other = host.Client("rotating");
        using (var foreign = await other.PostAsync("/v1/sites/hooks/webhooks/dead-letters/replay", null))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        using (var badLimit = await client.GetAsync("/v1/sites/hooks/webhooks/dead-letters?limit=0"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
            Assert.Equal("application/problem+json", badLimit.Content.Headers.ContentType?.MediaType);
        }

        using (var badId = await client.PostAsync("/v1/sites/hooks/webhooks/dead-letters/not-a-guid/replay", null))
        {
            Assert.Equal(HttpStatusCode.NotFound, badId.StatusCode);
        }

        host.Receiver.KnownSecrets = [WebhookHost.Secret];
        using var replay = await client.PostAsync("/v1/sites/hooks/webhooks/dead-letters/replay", null);
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.True((await replay.Content.ReadFromJsonAsync<JsonNode>())!["replayed"]!.GetValue<int>() >= 3);

        await Eventually.MatchesAsync(
            () => Task.FromResult(ids.All(id => host.Receiver.Accepted.Count(e => e.CommentId == id) == 1)),
            all => all,
            "every replayed event, once each");
    }
}
