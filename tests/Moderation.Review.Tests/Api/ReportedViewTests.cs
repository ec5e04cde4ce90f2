using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Moderation.Review.Tests.Infrastructure;
using Moderation.Testing;

namespace Moderation.Review.Tests.Api;

/// <summary>
/// Reader reports through the composed host: one count per reporter, the review queue's reported view at the site's
/// threshold while the comment stays published, hidden at the second threshold, and a moderator's decision closing them.
/// </summary>
[Collection(ReviewHostCollection.Name)]
public sealed class ReportedViewTests(ReviewHost host)
{
    private const string Site = ReviewHost.ReportsSite;

    private static string Article() => $"article-{Guid.NewGuid():N}"[..16];

    [Fact]
    public async Task Reports_put_a_published_comment_in_the_reported_view_then_hide_it_and_an_approval_closes_them()
    {
        var site = host.Site(Site);
        var article = Article();
        var id = await site.SubmitAsync(article, "A calm and careful reading of the budget, thank you.", authorId: "reported-author", accountAgeDays: 400);
        Assert.Equal("approved", (await site.WaitForFinalStatusAsync(id))!["status"]!.GetValue<string>());
        await Eventually.MatchesAsync(() => site.ListAsync(article), page => Ids(page).Contains(id), "the comment published");

        var first = await ReportAsync(id, "reader-a", "abuse");
        Assert.True(first["counted"]!.GetValue<bool>());
        Assert.Equal(1, first["reports"]!.GetValue<int>());
        var again = await ReportAsync(id, "reader-a", "spam");
        Assert.False(again["counted"]!.GetValue<bool>());
        Assert.Equal(1, again["reports"]!.GetValue<int>());

        // Two reporters: the threshold. The comment enters the reported view and stays published.
        Assert.Equal(2, (await ReportAsync(id, "reader-b", "off_topic"))["reports"]!.GetValue<int>());
        var reported = await Eventually.MatchesAsync(
            () => host.Admin.GetJsonAsync($"/v1/review/sites/{Site}/queue?view=reported"),
            queue => Ids(queue).Contains(id),
            "the comment in the reported view");
        Assert.Equal(2, reported["items"]!.AsArray().Single(item => item!["id"]!.GetValue<Guid>() == id)!["reports"]!.GetValue<int>());
        Assert.DoesNotContain(id, Ids(await host.Admin.GetJsonAsync($"/v1/review/sites/{Site}/queue?view=flagged")));
        Assert.Contains(id, Ids(await site.ListAsync(article)));

        // The third reporter reaches the second threshold: hidden from the article until a moderator decides.
        await ReportAsync(id, "reader-c", "abuse");
        await Eventually.MatchesAsync(() => site.ListAsync(article), page => !Ids(page).Contains(id), "the comment hidden");
        await Eventually.MatchesAsync(
            () => host.Admin.GetJsonAsync($"/v1/review/sites/{Site}/queue?view=reported"),
            queue => queue["items"]!.AsArray().Any(item => item!["id"]!.GetValue<Guid>() == id && item["reports"]!.GetValue<int>() == 3),
            "the count raised to 3");

        // A moderator approves: the comment is shown again, leaves the view, and its reports are closed.
        using (var decision = await host.Admin.PostAsync($"/v1/review/items/{id}/approve", new { }))
        {
            Assert.True(decision.IsSuccessStatusCode, await decision.Content.ReadAsStringAsync());
        }

        await Eventually.MatchesAsync(() => site.ListAsync(article), page => Ids(page).Contains(id), "the comment shown again");
        Assert.DoesNotContain(id, Ids(await host.Admin.GetJsonAsync($"/v1/review/sites/{Site}/queue?view=reported")));
        await Eventually.MatchesAsync(
            () => ReportAsync(id, $"reader-after-{Guid.NewGuid():N}", "other"),
            answer => answer["reports"]!.GetValue<int>() == 1,
            "a report after the decision to count from one");
    }

    [Fact]
    public async Task Two_reports_by_one_reader_at_once_count_once()
    {
        var site = host.Site(Site);
        var article = Article();
        var id = await site.SubmitAsync(article, "Another calm remark about the budget debate.", authorId: "raced-author", accountAgeDays: 400);
        await site.WaitForFinalStatusAsync(id);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ReportAsync(id, "same-reader", "spam")));
        Assert.Single(answers, answer => answer["counted"]!.GetValue<bool>());
        Assert.All(answers, answer => Assert.Equal(1, answer["reports"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Bad_reports_are_problem_details_and_a_key_never_reaches_another_sites_comment()
    {
        var site = host.Site(Site);
        var id = await site.SubmitAsync(Article(), "A third calm remark, to be reported badly.", authorId: "bad-report-author", accountAgeDays: 400);
        await site.WaitForFinalStatusAsync(id);

        using var badReason = await site.SubmitHttp.PostAsJsonAsync($"/v1/comments/{id}/reports", new { reporterId = "r", reason = "boring" });
        Assert.Equal(HttpStatusCode.BadRequest, badReason.StatusCode);
        Assert.Equal("application/problem+json", badReason.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await badReason.Content.ReadAsStringAsync())!;
        Assert.NotNull(problem["errors"]!["reason"]);

        using var noReporter = await site.SubmitHttp.PostAsJsonAsync($"/v1/comments/{id}/reports", new { reason = "spam", note = new string('x', 1001) });
        var errors = JsonNode.Parse(await noReporter.Content.ReadAsStringAsync())!["errors"]!;
        Assert.Equal(HttpStatusCode.BadRequest, noReporter.StatusCode);
        Assert.NotNull(errors["reporterId"]);
        Assert.NotNull(errors["note"]);

        using var malformed = await site.SubmitHttp.PostAsync(
            $"/v1/comments/{id}/reports", new StringContent("{\"reporterId\": ", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);

        var other = host.Site("api-a");
        using var foreign = await other.SubmitHttp.PostAsJsonAsync($"/v1/comments/{id}/reports", new { reporterId = "r", reason = "spam" });
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        using var unknown = await site.SubmitHttp.PostAsJsonAsync($"/v1/comments/{Guid.NewGuid()}/reports", new { reporterId = "r", reason = "spam" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var notAnId = await site.SubmitHttp.PostAsJsonAsync("/v1/comments/not-an-id/reports", new { reporterId = "r", reason = "spam" });
        Assert.Equal(HttpStatusCode.NotFound, notAnId.StatusCode);

        Assert.Equal(400, await host.Admin.GetStatusAsync($"/v1/review/sites/{Site}/queue?view=everything"));
    }

    private async Task<JsonNode> ReportAsync(Guid id, string reporterId, string reason)
    {
        using var response = await host.Site(Site).SubmitHttp.PostAsJsonAsync($"/v1/comments/{id}/reports", new { reporterId, reason });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"report answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>The ids of an article page's or a queue listing's items.</summary>
    private static List<Guid> Ids(JsonNode page) => [.. page["items"]!.AsArray().Select(item => item!["id"]!.GetValue<Guid>())];
}
