using System.Net;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Contracts;
using Moderation.Integration.Tests.Infrastructure;
using Moderation.Storage.Publishing;
using Moderation.Testing;

namespace Moderation.Integration.Tests;

[Collection(DistributedCollection.Name)]
public sealed class IdempotencyTests(DistributedSystem system)
{
    [SkippableFact]
    public async Task Redelivering_CommentModerated_five_times_stores_the_comment_once()
    {
        Skip.IfNot(system.Broker.CanRestart, "Needs rabbitmqctl on the broker to see the deliveries acknowledged.");
        var article = $"article-{Guid.NewGuid():N}";
        var comment = new Comment(
            NewId.NextGuid(), DistributedSystem.SiteId, article, new CommentAuthor("reader-9", "Reader Nine"),
            "A measured and fair point about the summit.", null, DateTimeOffset.UtcNow);
        var moderated = new CommentModerated(
            comment, new ModerationDecision(DecisionOutcome.Approve, 0, [], "test", DateTimeOffset.UtcNow));

        var bus = system.Ingestion.Services.GetRequiredService<IBus>();
        for (var delivery = 0; delivery < 5; delivery++)
        {
            await bus.Publish(moderated);
        }

        var store = system.Publishing.Services.GetRequiredService<IArticleCommentStore>();
        await Eventually.MatchesAsync(() => store.GetAsync(comment.Id), stored => stored is not null, "the comment stored");
        await Eventually.MatchesAsync(
            () => system.Broker.CountUnfinishedAsync("publish-approved-comment"),
            unfinished => unfinished == 0,
            "every delivery consumed and acknowledged");
        var page = await store.ListAsync(DistributedSystem.SiteId, article, CommentOrder.OldestFirst, 200, null);
        Assert.Single(page.Items);
        Assert.Single((await system.Site.ListAsync(article))["items"]!.AsArray());
    }

    [Fact]
    public async Task A_retried_submit_with_the_same_IdempotencyKey_publishes_once_and_returns_the_same_id()
    {
        var counter = new MessageCounter<CommentSubmitted>(message => message.Comment.Id);
        using var observer = system.Ingestion.Services.GetRequiredService<IBus>().ConnectPublishObserver(counter);
        var article = $"article-{Guid.NewGuid():N}";
        var key = Guid.NewGuid().ToString();
        var comment = SiteApiClient.NewComment("Submitted once, sent three times.");

        var ids = new List<Guid>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var response = await system.Site.PostAsync(article, comment, key);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            ids.Add(Guid.Parse(System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>()));
        }

        // The relay publishes after the 202, from the outbox: once, however many times the submit was retried.
        Assert.Single(ids.Distinct());
        await Eventually.MatchesAsync(() => Task.FromResult(counter.Published(ids[0])), published => published > 0, "the relay to publish the comment");
        Assert.Equal(1, counter.Published(ids[0]));

        using var conflict = await system.Site.PostAsync(article, SiteApiClient.NewComment("A different comment."), key);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("application/problem+json", conflict.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, counter.Published(ids[0]));
    }
}
