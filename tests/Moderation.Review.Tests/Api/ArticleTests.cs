using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Review.Tests.Infrastructure;
using Moderation.Storage.Review;
using Moderation.Testing;

namespace Moderation.Review.Tests.Api;

/// <summary>
/// The article a comment is on, through the composed host on each store provider (<see cref="SqliteArticleTests"/>,
/// <see cref="MongoArticleTests"/>): the context a site sends on submit, kept once per article; the thread around a
/// flagged comment with each neighbour's state; the article view of every comment Review knows (published ones
/// included) and taking down a published one, once however many moderators do it at the same moment.
/// </summary>
public abstract class ArticleTests(ReviewHost host)
{
    // Events of earlier tests on the shared host (a 10,000-comment bulk) can still be draining: this is a wait, not a speed test.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private const string Site = ReviewHost.ArticlesSite;

    /// <summary>Skips (or, under CI, fails) when the provider has nothing to run on.</summary>
    protected virtual void RequireHost()
    {
    }

    [SkippableFact]
    public async Task Article_context_is_kept_once_per_article_and_shown_with_the_thread_around_a_flagged_comment()
    {
        RequireHost();
        var article = $"ctx-{Guid.NewGuid():N}"[..16];
        var site = host.Site(Site);
        var moderator = await host.CreateModeratorAsync("context", Site);
        using var console = await host.SignInAsync(moderator);

        // The first comment names the article; a later one renames it and sends no url: the url stays, the title changes.
        var first = await SubmitAsync(site, article, "A clear summary of the talks, thank you.", "ctx-a",
            new { title = "Talks open", url = "https://news.example/politics/talks?x=1", section = "politics" });
        var second = await SubmitAsync(site, article, "I agree with the first point made here.", "ctx-b",
            new { title = "Talks end without a deal" }, parentId: first);
        var flagged = await SubmitAsync(site, article, "More on this at https://example.org/context/1", "ctx-c", article: null, parentId: first, accountAgeDays: 1);
        await WaitForStatusAsync(site, flagged, "flagged");
        var reply = await SubmitAsync(site, article, "Thanks for the pointer, I will read it.", "ctx-d", article: null, parentId: flagged);
        await WaitForStatusAsync(site, reply, "approved");

        var item = await Eventually.MatchesAsync(
            () => console.GetJsonAsync($"/v1/review/items/{flagged}"),
            i => i["replies"]!.AsArray().Count == 1 && i["around"]!.AsArray().Count == 3,
            "the flagged comment's thread",
            Patience);
        Assert.Equal("Talks end without a deal", item["article"]!["title"]!.GetValue<string>());
        Assert.Equal("https://news.example/politics/talks?x=1", item["article"]!["url"]!.GetValue<string>());
        Assert.Equal("politics", item["article"]!["section"]!.GetValue<string>());
        Assert.Equal(first, item["parent"]!["commentId"]!.GetValue<Guid>());
        Assert.Equal(reply, item["replies"]![0]!["commentId"]!.GetValue<Guid>());
        Assert.Equal([first, second, reply], item["around"]!.AsArray().Select(c => c!["commentId"]!.GetValue<Guid>()));
        Assert.All(item["around"]!.AsArray(), c => Assert.Equal("approved", c!["outcome"]!.GetValue<string>()));
        Assert.Equal($"https://news.example/politics/talks?x=1#comment-{flagged}", item["links"]!["page"]!.GetValue<string>());
        Assert.Equal($"/v1/comments/{flagged}", item["links"]!["api"]!.GetValue<string>());

        // The article's mode, from Ingestion's ArticleModeChanged: shown with the item and in the article view.
        Assert.Null(item["article"]!["mode"]);
        using (var put = await site.SubmitHttp.PutAsJsonAsync($"/v1/sites/{Site}/articles/{article}/moderation", new { mode = "closed" }))
        {
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        }

        var closed = await Eventually.MatchesAsync(
            () => console.GetJsonAsync($"/v1/review/items/{flagged}"),
            i => i["article"]!["mode"]?["mode"]?.GetValue<string>() == "closed",
            "the article shown closed",
            Patience);
        Assert.Equal("editor", closed["article"]!["mode"]!["reason"]!.GetValue<string>());
        Assert.Equal("closed", (await console.GetJsonAsync($"/v1/review/sites/{Site}/articles/{article}"))["article"]!["mode"]!["mode"]!.GetValue<string>());

        // Stored once per article: one row, whatever the number of comments.
        var store = host.Host.Services.GetRequiredService<IReviewCommentLogStore>();
        var stored = await store.GetArticleAsync(Site, article);
        Assert.Equal("Talks end without a deal", stored!.Title);

        // The public API path works with the site's key.
        Assert.Equal("flagged", (await site.GetStatusAsync(flagged))!["status"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Bad_article_context_is_a_400_problem_naming_the_field()
    {
        RequireHost();
        var site = host.Site(Site);
        var article = $"bad-{Guid.NewGuid():N}"[..16];
        await ExpectBadAsync(site, article, new { title = new string('t', 301) }, null, "article.title");
        await ExpectBadAsync(site, article, new { title = "A title\u0007 with a bell" }, null, "article.title");
        await ExpectBadAsync(site, article, new { url = "javascript:alert(1)" }, null, "article.url");
        await ExpectBadAsync(site, article, new { url = "/politics/talks" }, null, "article.url");
        await ExpectBadAsync(site, article, new { url = "ftp://news.example/x" }, null, "article.url");
        await ExpectBadAsync(site, article, new { url = "https://news.example/" + new string('a', 2_000) }, null, "article.url");
        await ExpectBadAsync(site, article, new { section = "no spaces allowed" }, null, "article.section");
        await ExpectBadAsync(site, article, new { section = "sport" }, "politics", "article.section");

        // At the limits, and the same section in both places, is fine.
        var id = await SubmitAsync(site, article, "A clear summary of the talks, thank you.", "bad-ok",
            new { title = new string('t', 300), url = "https://news.example/" + new string('a', 1_900), section = "politics" }, section: "politics");
        await WaitForStatusAsync(site, id, "approved");
    }

    [SkippableFact]
    public async Task Article_view_lists_every_comment_review_knows_newest_first_paged_and_only_to_its_sites_moderators()
    {
        RequireHost();
        var article = $"view-{Guid.NewGuid():N}"[..16];
        var site = host.Site(Site);
        var moderator = await host.CreateModeratorAsync("viewer", Site);
        using var console = await host.SignInAsync(moderator);
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await SubmitAsync(site, article, $"Reasonable remark number {i} on the talks.", $"view-{i}", new { title = "Viewed article", url = "https://news.example/view" }));
        }

        var flagged = await SubmitAsync(site, article, "Read more at https://example.org/view/1", "view-f", article: null, accountAgeDays: 1);
        ids.Add(flagged);
        await Eventually.MatchesAsync(
            () => console.GetJsonAsync($"/v1/review/sites/{Site}/articles/{article}?limit=100"),
            page => page["items"]!.AsArray().Count == 6,
            "six comments in the article view",
            Patience);

        var firstPage = await console.GetJsonAsync($"/v1/review/sites/{Site}/articles/{article}?limit=4");
        Assert.Equal("Viewed article", firstPage["article"]!["title"]!.GetValue<string>());
        Assert.Equal(4, firstPage["next"]!.GetValue<int>());
        var secondPage = await console.GetJsonAsync($"/v1/review/sites/{Site}/articles/{article}?limit=4&offset=4");
        Assert.Null(secondPage["next"]);
        var listed = firstPage["items"]!.AsArray().Concat(secondPage["items"]!.AsArray()).ToList();
        Assert.Equal(Enumerable.Reverse(ids), listed.Select(c => c!["commentId"]!.GetValue<Guid>()));
        Assert.Equal("flagged", listed[0]!["outcome"]!.GetValue<string>());
        Assert.All(listed.Skip(1), c => Assert.Equal("approved", c!["outcome"]!.GetValue<string>()));

        Assert.Equal(400, await console.GetStatusAsync($"/v1/review/sites/{Site}/articles/{article}?limit=0"));
        Assert.Equal(400, await console.GetStatusAsync($"/v1/review/sites/{Site}/articles/{article}?offset=-1"));
        Assert.Equal(400, await console.GetStatusAsync($"/v1/review/sites/{Site}/articles/{Uri.EscapeDataString("not an id")}"));

        // Another site's moderator sees nothing of it, and cannot take anything down.
        var outsider = await host.CreateModeratorAsync("outsider", "api-a");
        using var other = await host.SignInAsync(outsider);
        Assert.Equal(404, await other.GetStatusAsync($"/v1/review/sites/{Site}/articles/{article}"));
        using var refused = await other.PostAsync($"/v1/review/comments/{ids[0]}/takedown", new { reason = "spam" });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(404, (int)(await console.PostAsync($"/v1/review/comments/{Guid.NewGuid()}/takedown", new { reason = "spam" })).StatusCode);
    }

    [SkippableFact]
    public async Task Two_moderators_taking_down_the_same_published_comments_at_once_take_each_down_once()
    {
        RequireHost();
        const int Count = 12;
        var article = $"down-{Guid.NewGuid():N}"[..16];
        var site = host.Site(Site);
        var first = await host.CreateModeratorAsync("down-a", Site);
        var second = await host.CreateModeratorAsync("down-b", Site);
        using var one = await host.SignInAsync(first);
        using var two = await host.SignInAsync(second);
        var ids = new List<Guid>();
        for (var i = 0; i < Count; i++)
        {
            ids.Add(await SubmitAsync(site, article, $"Published remark {i} about the talks.", $"down-{i}", article: null));
        }

        foreach (var id in ids)
        {
            await WaitForStatusAsync(site, id, "approved");
        }

        await Eventually.MatchesAsync(
            () => one.GetJsonAsync($"/v1/review/sites/{Site}/articles/{article}?limit=100"),
            page => page["items"]!.AsArray().Count == Count,
            "every published comment in the article view",
            Patience);

        // Bad requests first: no reason, an unknown one.
        using (var noReason = await one.PostAsync($"/v1/review/comments/{ids[0]}/takedown", new { }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        }

        var winners = new Dictionary<Guid, string>();
        await Task.WhenAll(ids.Select(async id =>
        {
            var a = one.PostAsync($"/v1/review/comments/{id}/takedown", new { reason = "spam", note = "from the article view" });
            var b = two.PostAsync($"/v1/review/comments/{id}/takedown", new { reason = "abuse" });
            using var byOne = await a;
            using var byTwo = await b;
            Assert.Single(new[] { byOne, byTwo }, r => r.StatusCode == HttpStatusCode.OK);
            Assert.Single(new[] { byOne, byTwo }, r => r.StatusCode == HttpStatusCode.Conflict);
            lock (winners)
            {
                winners[id] = byOne.StatusCode == HttpStatusCode.OK ? first : second;
            }
        }));

        var queue = host.Host.Services.GetRequiredService<IReviewQueueStore>();
        var audit = (await AuditOfAsync(first)).Concat(await AuditOfAsync(second)).ToList();
        foreach (var (id, moderator) in winners)
        {
            var item = await queue.GetAsync(id);
            Assert.Equal(ReviewItemStatus.Rejected, item!.Status);
            Assert.True(item.Review!.TakesDown);
            Assert.Equal(1, item.Review.Sequence);
            Assert.Equal(moderator, item.Review.ModeratorId);
            var entry = Assert.Single(audit, e => e!["commentId"]!.GetValue<Guid>() == id);
            Assert.Equal("rejected", entry!["outcome"]!.GetValue<string>());
        }

        await Eventually.MatchesAsync(
            () => site.ListAsync(article, "?limit=100"),
            page => page["items"]!.AsArray().Count == 0,
            "every taken-down comment off its article",
            Patience);
        foreach (var id in ids)
        {
            await WaitForStatusAsync(site, id, "rejected");
        }

        // Taken down already: a third try is a conflict, and the article view shows them rejected.
        using (var again = await one.PostAsync($"/v1/review/comments/{ids[0]}/takedown", new { reason = "spam" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        await Eventually.MatchesAsync(
            () => one.GetJsonAsync($"/v1/review/sites/{Site}/articles/{article}?limit=100"),
            page => page["items"]!.AsArray().All(c => c!["outcome"]!.GetValue<string>() == "rejected"),
            "the article view shows every one rejected",
            Patience);

        // A takedown can be undone like any decision: the comment is published again.
        var undone = await one.PostJsonAsync($"/v1/review/items/{ids[0]}/redecide", new { action = "approve", expectedSequence = 1 });
        Assert.Equal(2, undone["sequence"]!.GetValue<long>());
        await WaitForStatusAsync(site, ids[0], "approved");
    }

    private static async Task<Guid> SubmitAsync(
        SiteApiClient site, string articleId, string body, string authorId, object? article, Guid? parentId = null, int accountAgeDays = 400,
        string? section = null)
    {
        var comment = new
        {
            author = new { id = authorId, name = $"Reader {authorId}" },
            body,
            parentId = parentId?.ToString(),
            authorSignals = new { accountAgeDays },
            section,
            article,
        };
        using var response = await site.PostAsync(articleId, comment);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!["id"]!.GetValue<Guid>();
    }

    private static async Task ExpectBadAsync(SiteApiClient site, string articleId, object article, string? section, string field)
    {
        var comment = new { author = new { id = "bad", name = "Bad" }, body = "Fine text.", parentId = (string?)null, section, article };
        using var response = await site.PostAsync(articleId, comment);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(JsonNode.Parse(text)!["errors"]![field]);
    }

    private static Task WaitForStatusAsync(SiteApiClient site, Guid id, string status) =>
        Eventually.MatchesAsync(() => site.GetStatusAsync(id), s => s?["status"]?.GetValue<string>() == status, $"comment {id} {status}", Patience);

    private async Task<List<JsonNode?>> AuditOfAsync(string moderator) =>
        [.. (await host.Admin.GetJsonAsync($"/v1/review/audit?moderator={moderator}&limit=200"))["items"]!.AsArray()];
}
