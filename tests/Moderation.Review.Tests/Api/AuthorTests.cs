using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Contracts;
using Moderation.Review.Tests.Infrastructure;
using Moderation.Storage.Activity;
using Moderation.Storage.Review;
using Moderation.Testing;

namespace Moderation.Review.Tests.Api;

/// <summary>
/// The author panel and the standings a moderator sets (ban, pre-moderate, trust), each applied by the worker to the
/// author's next comment through the bus and the worker's own store, and recorded in the audit.
/// </summary>
[Collection(ReviewHostCollection.Name)]
public sealed class AuthorTests(ReviewHost host)
{
    private const string Site = "api-authors";
    private const string Clean = "A measured point about the council budget, thank you for the reporting.";
    private const string Linked = "Read this first: https://example.org/authors";

    private static string NewAuthor() => $"author-{Guid.NewGuid():N}"[..20];

    private async Task<JsonNode> SubmitAsync(string authorId, string body, int accountAgeDays = 1)
    {
        var site = host.Site(Site);
        using var response = await site.PostAsync("authors-story", new { author = new { id = authorId, name = "Pat" }, body, parentId = (string?)null, authorSignals = new { accountAgeDays } });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonNode>())!["id"]!.GetValue<Guid>();
        return (await site.WaitForFinalStatusAsync(id))!;
    }

    private static List<string> Rules(JsonNode status) =>
        [.. status["decision"]!["hits"]!.AsArray().Select(hit => hit!["rule"]!.GetValue<string>())];

    /// <summary>The standing event is consumed apart from the next comment's: wait until the worker's store holds it.</summary>
    private Task WaitForWorkerAsync(string authorId, AuthorStanding standing) =>
        Eventually.MatchesAsync(
            () => host.Host.Services.GetRequiredService<IAuthorStandingStore>().GetAsync(Site, authorId),
            record => record?.Standing == standing,
            $"the worker to hold {standing} for {authorId}");

    [Fact]
    public async Task A_ban_rejects_the_authors_next_comment_until_it_is_lifted_and_both_are_in_the_audit()
    {
        var author = NewAuthor();
        using var ann = await host.SignInAsync(await host.CreateModeratorAsync("banner", Site));

        var banned = await ann.PostJsonAsync($"/v1/review/sites/{Site}/authors/{author}/standing", new { standing = "banned", note = "spam wave" });
        Assert.Equal("authorBanned", banned["outcome"]!.GetValue<string>());
        Assert.Equal("permanent", banned["reason"]!.GetValue<string>());
        await WaitForWorkerAsync(author, AuthorStanding.Banned);

        var status = await SubmitAsync(author, Clean, accountAgeDays: 400);
        Assert.Equal("rejected", status["status"]!.GetValue<string>());
        Assert.Contains("author.banned", Rules(status));

        var panel = await ann.GetJsonAsync($"/v1/review/sites/{Site}/authors/{author}");
        Assert.Equal("banned", panel["standing"]!["standing"]!.GetValue<string>());
        Assert.Null(panel["standing"]!["until"]);

        await ann.PostJsonAsync($"/v1/review/sites/{Site}/authors/{author}/standing", new { standing = "normal" });
        await WaitForWorkerAsync(author, AuthorStanding.Normal);
        Assert.Equal("approved", (await SubmitAsync(author, "Back again, and the budget figures still do not add up.", accountAgeDays: 400))["status"]!.GetValue<string>());

        var audit = await ann.GetJsonAsync($"/v1/review/audit?site={Site}&limit=200");
        var mine = audit["items"]!.AsArray().Where(entry => entry!["authorId"]!.GetValue<string>() == author).Select(entry => entry!["outcome"]!.GetValue<string>());
        Assert.Equal(["authorCleared", "authorBanned"], mine);
    }

    [Fact]
    public async Task A_ban_for_some_days_says_until_when_and_pre_moderation_holds_what_the_rules_approve()
    {
        var author = NewAuthor();
        using var ann = await host.SignInAsync(await host.CreateModeratorAsync("premod", Site));

        var ban = await ann.PostJsonAsync($"/v1/review/sites/{Site}/authors/{author}/standing", new { standing = "banned", days = 7 });
        var until = (await ann.GetJsonAsync($"/v1/review/sites/{Site}/authors/{author}"))["standing"]!["until"]!.GetValue<DateTimeOffset>();
        Assert.InRange(until - ban["at"]!.GetValue<DateTimeOffset>(), TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1), TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));

        await ann.PostJsonAsync($"/v1/review/sites/{Site}/authors/{author}/standing", new { standing = "premoderated" });
        await WaitForWorkerAsync(author, AuthorStanding.PreModerated);

        var status = await SubmitAsync(author, Clean, accountAgeDays: 400);
        Assert.Equal("flagged", status["status"]!.GetValue<string>());
        Assert.Equal(["author.pre-moderated"], Rules(status));
    }

    [Fact]
    public async Task Trust_needs_enough_approved_comments_then_skips_the_flag_threshold_but_never_a_reject_rule()
    {
        var author = NewAuthor();
        using var ann = await host.SignInAsync(await host.CreateModeratorAsync("truster", Site));

        using var early = await ann.PostAsync($"/v1/review/sites/{Site}/authors/{author}/standing", new { standing = "trusted" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.False((await ann.GetJsonAsync($"/v1/review/sites/{Site}/authors/{author}"))["trustAllowed"]!.GetValue<bool>());

        // Sites:api-authors:Review:TrustAfterApproved is 2; the Review service counts the comments it saw approved.
        await SubmitAsync(author, Clean, accountAgeDays: 400);
        await SubmitAsync(author, "Another fair point on the budget, and on the library hours.", accountAgeDays: 400);
        await Eventually.MatchesAsync(
            () => ann.GetJsonAsync($"/v1/review/sites/{Site}/authors/{author}"),
            panel => panel["counts"]!["approved"]!.GetValue<long>() == 2,
            "two approved comments in the author's counts");

        await ann.PostJsonAsync($"/v1/review/sites/{Site}/authors/{author}/standing", new { standing = "trusted" });
        await WaitForWorkerAsync(author, AuthorStanding.Trusted);

        var held = await SubmitAsync(author, Linked);
        Assert.Equal("approved", held["status"]!.GetValue<string>());
        Assert.Contains("author.trusted", Rules(held));

        var abuse = await SubmitAsync(author, "Immigrants like you are vermin, you stupid f.u.c.k.i.n.g idiot, go kill yourself", accountAgeDays: 400);
        Assert.Equal("rejected", abuse["status"]!.GetValue<string>());
        Assert.DoesNotContain("author.trusted", Rules(abuse));
    }

    [Fact]
    public async Task The_panel_counts_outcomes_pages_the_history_past_twenty_and_keeps_notes()
    {
        var author = NewAuthor();
        var log = host.Host.Services.GetRequiredService<IReviewCommentLogStore>();
        var start = DateTimeOffset.UtcNow.AddDays(-40);
        for (var i = 0; i < 25; i++)
        {
            var outcome = i < 20 ? ReviewCommentOutcome.Approved : i < 23 ? ReviewCommentOutcome.Flagged : ReviewCommentOutcome.Rejected;
            await log.RecordAsync(new ReviewComment(Guid.NewGuid(), Site, "old-story", author, "Pat", $"Comment {i}", null, start.AddHours(i), outcome));
        }

        using var ann = await host.SignInAsync(await host.CreateModeratorAsync("panel", Site));
        await ann.PostJsonAsync($"/v1/review/sites/{Site}/authors/{author}/notes", new { note = "Writes well; watch the links." });

        var first = await ann.GetJsonAsync($"/v1/review/sites/{Site}/authors/{author}");
        Assert.Equal(20, first["counts"]!["approved"]!.GetValue<long>());
        Assert.Equal(3, first["counts"]!["flagged"]!.GetValue<long>());
        Assert.Equal(2, first["counts"]!["rejected"]!.GetValue<long>());
        Assert.Equal(20, first["history"]!.AsArray().Count);
        Assert.Equal("Comment 24", first["history"]![0]!["body"]!.GetValue<string>());
        Assert.Equal(20, first["nextOffset"]!.GetValue<int>());
        Assert.True(first["trustAllowed"]!.GetValue<bool>()); // the rejections are 39 days old, past the 30-day window
        Assert.Equal("Writes well; watch the links.", first["actions"]![0]!["note"]!.GetValue<string>());
        Assert.Equal("authorNote", first["actions"]![0]!["outcome"]!.GetValue<string>());

        var second = await ann.GetJsonAsync($"/v1/review/sites/{Site}/authors/{author}?offset=20");
        Assert.Equal(["Comment 4", "Comment 3", "Comment 2", "Comment 1", "Comment 0"], second["history"]!.AsArray().Select(c => c!["body"]!.GetValue<string>()));
        Assert.Null(second["nextOffset"]);
    }

    [Fact]
    public async Task Bad_standings_and_notes_are_400_and_another_sites_author_is_404()
    {
        using var ann = await host.SignInAsync(await host.CreateModeratorAsync("badauthor", Site));
        var path = $"/v1/review/sites/{Site}/authors/{NewAuthor()}";

        foreach (var body in new object[] { new { standing = "exiled" }, new { standing = "1" }, new { standing = "trusted", days = 3 }, new { standing = "banned", days = 0 }, new { } })
        {
            using var response = await ann.PostAsync($"{path}/standing", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        using var empty = await ann.PostAsync($"{path}/notes", new { note = " " });
        using var tooLong = await ann.PostAsync($"{path}/notes", new { note = new string('n', 1001) });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(400, await ann.GetStatusAsync($"{path}?limit=1000"));
        Assert.Equal(404, await ann.GetStatusAsync("/v1/review/sites/api-b/authors/anyone"));
        using var otherSite = await ann.PostAsync("/v1/review/sites/api-b/authors/anyone/standing", new { standing = "banned" });
        Assert.Equal(HttpStatusCode.NotFound, otherSite.StatusCode);
    }
}
