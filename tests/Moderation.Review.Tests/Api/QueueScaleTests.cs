using System.Net;
using System.Text.Json.Nodes;
using Moderation.Review.Tests.Infrastructure;

namespace Moderation.Review.Tests.Api;

/// <summary>The queue API with hundreds and thousands waiting: paging, reject-all-from-author, the 409 body.</summary>
[Collection(ReviewHostCollection.Name)]
public sealed class QueueScaleTests(ReviewHost host)
{
    private const string Site = "api-b";

    private static string Article() => $"pile-{Guid.NewGuid():N}"[..16];

    [Fact]
    public async Task The_queue_pages_through_every_waiting_comment_in_order()
    {
        var article = Article();
        var queued = await host.QueueManyAsync(Site, article, 1_200);
        using var ann = await host.SignInAsync(await host.CreateModeratorAsync("pager", Site));

        var seen = new List<Guid>();
        int? offset = 0;
        var pages = 0;
        while (offset is not null)
        {
            var page = await ann.GetJsonAsync($"/v1/review/sites/{Site}/queue?article={article}&limit=500&offset={offset}");
            seen.AddRange(page["items"]!.AsArray().Select(item => item!["id"]!.GetValue<Guid>()));
            offset = page["nextOffset"]?.GetValue<int>();
            pages++;
        }

        Assert.Equal(queued, seen);
        Assert.Equal(3, pages);
        Assert.Equal(400, await ann.GetStatusAsync($"/v1/review/sites/{Site}/queue?offset=-1"));
    }

    [Fact]
    public async Task Reject_all_from_author_says_how_many_first_and_then_rejects_all_600()
    {
        var article = Article();
        var author = $"flood-{Guid.NewGuid():N}"[..16];
        var queued = await host.QueueManyAsync(Site, article, 600, _ => author);
        var other = await host.QueueManyAsync(Site, article, 1);
        using var ann = await host.SignInAsync(await host.CreateModeratorAsync("flood", Site));

        var count = await ann.GetJsonAsync($"/v1/review/items/{queued[0]}/author-pending");
        Assert.Equal(600, count["pending"]!.GetValue<int>());
        Assert.Equal(author, count["authorId"]!.GetValue<string>());

        var result = await ann.PostJsonAsync($"/v1/review/items/{queued[0]}/reject-author", new { reason = "spam" });

        Assert.Equal(600, result["rejected"]!.AsArray().Count);
        Assert.Empty(result["skipped"]!.AsArray());
        Assert.Equal(0, (await ann.GetJsonAsync($"/v1/review/items/{queued[0]}/author-pending"))["pending"]!.GetValue<int>());
        var left = await ann.GetJsonAsync($"/v1/review/sites/{Site}/queue?article={article}");
        Assert.Equal([other[0]], left["items"]!.AsArray().Select(item => item!["id"]!.GetValue<Guid>()));
    }

    [Fact]
    public async Task A_refused_claim_answers_one_status_and_says_the_items_state_apart()
    {
        var id = (await host.QueueManyAsync(Site, Article(), 1))[0];
        using var ann = await host.SignInAsync(await host.CreateModeratorAsync("holder", Site));
        using var bob = await host.SignInAsync(await host.CreateModeratorAsync("second", Site));
        await ann.PostJsonAsync($"/v1/review/items/{id}/claim");

        using var refused = await bob.PostAsync($"/v1/review/items/{id}/claim");
        var text = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "\"status\""));
        var body = JsonNode.Parse(text)!;
        Assert.Equal(409, body["status"]!.GetValue<int>());
        Assert.Equal("pending", body["itemStatus"]!.GetValue<string>());
    }
}
