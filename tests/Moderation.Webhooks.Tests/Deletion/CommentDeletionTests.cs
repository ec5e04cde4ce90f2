using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Contracts;
using Moderation.Storage.Review;
using Moderation.Testing;
using Moderation.Webhooks.Tests.Erasure;

namespace Moderation.Webhooks.Tests.Deletion;

/// <summary>
/// <c>DELETE /v1/comments/{id}?authorId=…</c> through the composed host on each store: the comment leaves its article
/// (its reply stays, still pointing at it) and the review queue, its status is <c>deleted</c>, the site gets one
/// <c>comment.deleted</c>, only its author may delete it, and late or replayed decisions bring nothing back.
/// </summary>
public abstract class CommentDeletionTests(ErasureHost host)
{
    private const string Clean = "Thanks for the clear explanation of the peace talks; the timeline helps a lot.";
    private const string NewcomerLink = "Read the real story at https://example.org/story";

    [SkippableFact]
    public async Task A_deleted_comment_leaves_its_article_and_the_queue_for_good_and_its_reply_stays()
    {
        Skip.If(host.SkipReason is not null, host.SkipReason);
        var site = host.Site;
        var article = $"article-{Guid.NewGuid():N}";
        var author = $"author-{Guid.NewGuid():N}";
        var published = await SubmitAsync(site, article, Clean, author);
        var reply = await SubmitAsync(site, article, "I agree with the comment above, well put.", "reader", parentId: published);
        var held = await SubmitAsync(site, article, NewcomerLink, author, accountAgeDays: 0);
        Assert.Equal("approved", (await site.WaitForFinalStatusAsync(published))!["status"]!.GetValue<string>());
        Assert.Equal("flagged", (await site.WaitForFinalStatusAsync(held))!["status"]!.GetValue<string>());
        await site.WaitForFinalStatusAsync(reply);
        await Eventually.MatchesAsync(() => ArticleIdsAsync(site, article), ids => ids.Contains(published) && ids.Contains(reply), "both published");
        var queue = host.Host.Services.GetRequiredService<IReviewQueueStore>();
        await Eventually.MatchesAsync(() => queue.GetAsync(held), item => item is not null, "the held comment in the queue");

        // Another site's key does not see the comment; another author, or none, may not delete it.
        using (var other = await host.OtherSite.DeleteAsync($"/v1/comments/{published}?authorId={author}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }

        using (var stranger = await site.SubmitHttp.DeleteAsync($"/v1/comments/{published}?authorId=reader"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
            Assert.Equal("application/problem+json", stranger.Content.Headers.ContentType?.MediaType);
        }

        using (var nobody = await site.SubmitHttp.DeleteAsync($"/v1/comments/{published}"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, nobody.StatusCode);
            Assert.Equal("application/problem+json", nobody.Content.Headers.ContentType?.MediaType);
        }

        using (var unknown = await site.SubmitHttp.DeleteAsync($"/v1/comments/{Guid.NewGuid()}?authorId={author}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        Assert.Contains(published, await ArticleIdsAsync(site, article));

        // The author deletes both, one of them twice (a retry).
        foreach (var id in new[] { published, published, held })
        {
            using var delete = await site.SubmitHttp.DeleteAsync($"/v1/comments/{id}?authorId={author}");
            Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
            var body = await delete.Content.ReadFromJsonAsync<JsonNode>();
            Assert.Equal("deleted", body!["status"]!.GetValue<string>());
        }

        await Eventually.MatchesAsync(() => ArticleIdsAsync(site, article), ids => !ids.Contains(published), "the deleted comment off its article");
        await Eventually.MatchesAsync(() => queue.GetAsync(held), item => item is null, "the held comment out of the queue");
        var page = (await site.ListAsync(article))["items"]!.AsArray();
        Assert.Equal(published, page.Single(c => c!["id"]!.GetValue<Guid>() == reply)!["parentId"]!.GetValue<Guid>());
        Assert.Equal("deleted", (await site.GetStatusAsync(published))!["status"]!.GetValue<string>());
        Assert.Equal("deleted", (await site.GetStatusAsync(held))!["status"]!.GetValue<string>());
        using (var report = await site.SubmitHttp.PostAsJsonAsync($"/v1/comments/{published}/reports", new { reporterId = "reader", reason = "spam" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, report.StatusCode);
        }

        // Late and replayed decisions: the rules' approval again, a moderator approving the held one; nothing comes back.
        var now = DateTimeOffset.UtcNow;
        var comment = new Comment(published, ErasureHost.SiteId, article, new CommentAuthor(author, "Ann"), Clean, null, now);
        var heldComment = comment with { Id = held, Body = NewcomerLink };
        using (var scope = host.Host.Services.CreateScope())
        {
            var bus = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
            await bus.Publish(new CommentModerated(comment, new ModerationDecision(DecisionOutcome.Approve, 0, [], "replay", now)));
            await bus.Publish(new CommentApproved(comment, new ModeratorDecision("chief", null, now, Sequence: 50)));
            await bus.Publish(new CommentApproved(heldComment, new ModeratorDecision("chief", null, now, Sequence: 1)));
        }

        var witness = await SubmitAsync(site, article, Clean + " Witness.", "reader");
        await Eventually.MatchesAsync(() => ArticleIdsAsync(site, article), ids => ids.Contains(witness), "the witness published");
        await Eventually.MatchesAsync(
            () => Task.FromResult(host.Receiver.Accepted.Count(e => e.Type == "comment.deleted" && (e.CommentId == published || e.CommentId == held))),
            count => count >= 2, "both deletions announced");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var ids = await ArticleIdsAsync(site, article);
        Assert.DoesNotContain(published, ids);
        Assert.DoesNotContain(held, ids);
        Assert.Equal("deleted", (await site.GetStatusAsync(published))!["status"]!.GetValue<string>());
        Assert.Equal("deleted", (await site.GetStatusAsync(held))!["status"]!.GetValue<string>());

        // One comment.deleted per comment, after what came before it, naming the comment without its text.
        var events = host.Receiver.Accepted.Where(e => e.CommentId == published).Select(e => e.Type).ToList();
        Assert.Equal("comment.approved", events[0]);
        Assert.Single(host.Receiver.Accepted.Where(e => e.CommentId == published && e.Type == "comment.deleted").Select(e => e.Id).Distinct());
        var deleted = host.Receiver.Accepted.First(e => e.CommentId == published && e.Type == "comment.deleted").Body;
        Assert.Equal("deleted", deleted["comment"]!["status"]!.GetValue<string>());
        Assert.Equal(author, deleted["comment"]!["author"]!["id"]!.GetValue<string>());
        Assert.Null(deleted["comment"]!["body"]);
    }

    private static async Task<Guid> SubmitAsync(
        SiteApiClient site, string article, string body, string authorId, int? accountAgeDays = null, Guid? parentId = null)
    {
        using var response = await site.PostAsync(article, SiteApiClient.NewComment(body, authorId, "Ann", parentId?.ToString(), accountAgeDays));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"submit answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!["id"]!.GetValue<Guid>();
    }

    private static async Task<HashSet<Guid>> ArticleIdsAsync(SiteApiClient site, string article) =>
        [.. (await site.ListAsync(article))["items"]!.AsArray().Select(c => c!["id"]!.GetValue<Guid>())];
}
