using System.Net;
using System.Text.Json.Nodes;
using Moderation.Client.Models;
using Moderation.Testing;

namespace Moderation.Client.Tests;

/// <summary>Article modes through the client against the running host: an editor's modes, an automatic surge, their webhooks.</summary>
public sealed class ArticleModerationTests(ClientHost host) : IClassFixture<ClientHost>
{
    private static string NewArticle() => $"article-{Guid.NewGuid():N}";

    [Fact]
    public async Task An_editor_closes_premoderates_and_hands_back_an_article_and_each_change_is_a_webhook()
    {
        var client = host.Client();
        var article = NewArticle();
        Assert.Equal(new ArticleModeration(ClientHost.SiteId, article, "normal", "default", null, null, null), await client.GetArticleModerationAsync(article));

        var closed = await client.SetArticleModerationAsync(article, "closed");
        Assert.Equal(("closed", "editor", "closed"), (closed.Mode, closed.Reason, closed.EditorMode));
        Assert.Equal(closed, await client.SetArticleModerationAsync(article, "closed"));
        var refused = await Assert.ThrowsAsync<ModerationApiException>(() =>
            client.SubmitAsync(article, new NewComment(new CommentAuthor("m-1", "Gil"), "Too late for this one, it is closed.")));
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);

        await client.SetArticleModerationAsync(article, "premoderate");
        var held = await client.SubmitAsync(article, new NewComment(new CommentAuthor("m-2", "Hal"), "A calm comment the rules would approve."));
        var status = await Eventually.MatchesAsync(() => client.GetStatusAsync(held.Id), s => s?.Status is "flagged" or "approved", "the comment decided");
        Assert.Equal("flagged", status!.Status);
        var hit = Assert.Single(status.Decision!.Hits, h => h.Rule == "article.premoderate");
        Assert.Equal("editor", hit.Match);

        var auto = await client.SetArticleModerationAsync(article, "auto");
        Assert.Equal(("normal", "default", (string?)null), (auto.Mode, auto.Reason, auto.EditorMode));
        var open = await client.SubmitAsync(article, new NewComment(new CommentAuthor("m-3", "Ida"), "Open again, and calmly written."));
        Assert.Equal("approved", (await Eventually.MatchesAsync(() => client.GetStatusAsync(open.Id), s => s?.Status is "flagged" or "approved", "decided"))!.Status);

        // closed (sent twice: one event), premoderate, auto: three events for this article, in that order.
        var events = await Eventually.MatchesAsync(() => Task.FromResult(ModeEvents(article)), e => e.Count >= 3, "three article.mode_changed events");
        await Task.Delay(500);
        events = ModeEvents(article);
        Assert.Equal(["closed", "premoderate", "normal"], events.Select(e => e["article"]!["mode"]!.GetValue<string>()));
        Assert.Equal(["editor", "editor", "default"], events.Select(e => e["article"]!["reason"]!.GetValue<string>()));
    }

    [Fact]
    public async Task More_comments_a_minute_than_the_limit_start_a_surge_that_holds_comments_and_ends_after_a_quiet_period()
    {
        var client = host.Client();
        var article = NewArticle();

        // Eight at once: however they fall on a minute boundary, one minute holds more than three.
        var submitted = new List<SubmittedComment>();
        for (var i = 0; i < 8; i++)
        {
            submitted.Add(await client.SubmitAsync(article, new NewComment(new CommentAuthor($"s-{i}", "Sam"), $"Calm comment number {i} on the hot story.")));
        }

        var statuses = new List<CommentStatus>();
        foreach (var comment in submitted)
        {
            statuses.Add((await Eventually.MatchesAsync(() => client.GetStatusAsync(comment.Id), s => s?.Status is "flagged" or "approved", "decided"))!);
        }

        Assert.Equal("approved", statuses[0].Status);
        var surged = statuses.Where(s => s.Decision!.Hits.Any(h => h.Rule == "article.premoderate" && h.Match == "surge")).ToList();
        Assert.NotEmpty(surged);
        Assert.All(surged, s => Assert.Equal("flagged", s.Status));

        var started = await Eventually.MatchesAsync(
            () => Task.FromResult(ModeEvents(article)), e => e.Any(x => x["article"]!["reason"]!.GetValue<string>() == "surge"), "the surge announced");
        Assert.Equal("premoderate", started.First()["article"]!["mode"]!.GetValue<string>());

        // Two quiet seconds later the watcher ends it: announced, and the article is normal again.
        await Eventually.MatchesAsync(
            () => Task.FromResult(ModeEvents(article)), e => e.Any(x => x["article"]!["reason"]!.GetValue<string>() == "surge_ended"), "the surge ended");
        var after = await client.GetArticleModerationAsync(article);
        Assert.Equal(("normal", "default", (DateTimeOffset?)null), (after.Mode, after.Reason, after.SurgeUntil));
        Assert.Equal("normal", ModeEvents(article).Last()["article"]!["mode"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_bad_mode_is_a_problem_naming_the_field_and_a_key_never_sets_another_sites_article()
    {
        var client = host.Client();
        var bad = await Assert.ThrowsAsync<ModerationApiException>(() => client.SetArticleModerationAsync(NewArticle(), "sometimes"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("mode", bad.Errors.Keys);

        var badArticle = await Assert.ThrowsAsync<ModerationApiException>(() => client.SetArticleModerationAsync("no spaces allowed", "closed"));
        Assert.Equal(HttpStatusCode.BadRequest, badArticle.Status);

        using var http = host.Host.CreateClient(ClientHost.OtherApiKey);
        using var foreign = await http.PutAsync(
            $"/v1/sites/{ClientHost.SiteId}/articles/{NewArticle()}/moderation",
            new StringContent("""{"mode": "closed"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    private List<JsonNode> ModeEvents(string article) =>
        [.. host.Verified
            .Select(body => JsonNode.Parse(body)!)
            .Where(e => e["type"]!.GetValue<string>() == "article.mode_changed" && e["article"]!["articleId"]!.GetValue<string>() == article)
            .OrderBy(e => e["occurredAt"]!.GetValue<DateTimeOffset>())];
}
