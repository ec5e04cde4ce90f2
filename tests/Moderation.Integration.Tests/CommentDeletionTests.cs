using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Integration.Tests.Infrastructure;
using Moderation.Storage.Review;
using Moderation.Testing;

namespace Moderation.Integration.Tests;

/// <summary>
/// An author's deletion through RabbitMQ, the services each in their own host: the published comment leaves its article
/// while its reply stays, still naming it; a held comment leaves the review queue; both statuses say <c>deleted</c>.
/// </summary>
[Collection(DistributedCollection.Name)]
public sealed class CommentDeletionTests(DistributedSystem system)
{
    [Fact]
    public async Task A_deleted_comment_leaves_its_article_and_the_queue_and_its_reply_stays()
    {
        var site = system.Site;
        var article = $"deletions-{Guid.NewGuid():N}";
        var author = $"del-{Guid.NewGuid():N}";
        var published = await site.SubmitAsync(article, "The ferry timetable change is explained well here.", author);
        Assert.Equal("approved", (await site.WaitForFinalStatusAsync(published))!["status"]!.GetValue<string>());
        Guid reply;
        using (var response = await site.PostAsync(article, SiteApiClient.NewComment("Agreed, the new times suit commuters.", "del-reader", parentId: published.ToString())))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            reply = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>();
        }

        var held = await site.SubmitAsync(article, "Read the real story at https://example.org/ferry", author, accountAgeDays: 0);
        Assert.Equal("flagged", (await site.WaitForFinalStatusAsync(held))!["status"]!.GetValue<string>());
        await site.WaitForFinalStatusAsync(reply);
        var queue = system.Review.Services.GetRequiredService<IReviewQueueStore>();
        await Eventually.MatchesAsync(() => queue.GetAsync(held), item => item is not null, "the held comment in the queue");
        await Eventually.MatchesAsync(() => IdsAsync(site, article), ids => ids.Contains(published) && ids.Contains(reply), "both published");

        foreach (var id in new[] { published, held })
        {
            using var delete = await site.SubmitHttp.DeleteAsync($"/v1/comments/{id}?authorId={author}");
            Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
        }

        await Eventually.MatchesAsync(() => IdsAsync(site, article), ids => !ids.Contains(published) && ids.Contains(reply), "the comment off its article, the reply kept");
        await Eventually.MatchesAsync(() => queue.GetAsync(held), item => item is null, "the held comment out of the queue");
        var page = (await site.ListAsync(article))["items"]!.AsArray();
        Assert.Equal(published, page.Single(c => c!["id"]!.GetValue<Guid>() == reply)!["parentId"]!.GetValue<Guid>());
        Assert.Equal("deleted", (await site.GetStatusAsync(published))!["status"]!.GetValue<string>());
        Assert.Equal("deleted", (await site.GetStatusAsync(held))!["status"]!.GetValue<string>());
    }

    private static async Task<HashSet<Guid>> IdsAsync(SiteApiClient site, string article) =>
        [.. (await site.ListAsync(article, "?limit=100"))["items"]!.AsArray().Select(item => item!["id"]!.GetValue<Guid>())];
}
