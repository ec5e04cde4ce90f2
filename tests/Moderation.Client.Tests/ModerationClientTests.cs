using System.Net;
using System.Text.Json.Nodes;
using Moderation.Client.Models;
using Moderation.Testing;

namespace Moderation.Client.Tests;

/// <summary>Every route of the client against the running host.</summary>
public sealed class ModerationClientTests(ClientHost host) : IClassFixture<ClientHost>
{
    private static string NewArticle() => $"article-{Guid.NewGuid():N}";

    [Fact]
    public async Task A_site_submits_follows_and_reads_comments_with_typed_results()
    {
        var client = host.Client();
        var article = NewArticle();
        var submitted = await client.SubmitAsync(article, new NewComment(new CommentAuthor("c-1", "Ann"), "A clear summary of the talks, thank you."));
        Assert.Equal("pending", submitted.Status);

        var status = await Eventually.MatchesAsync(
            () => client.GetStatusAsync(submitted.Id), s => s?.Status == "approved", "the comment to be approved");
        Assert.Equal(article, status!.ArticleId);
        Assert.Equal("approve", status.Decision!.Outcome);
        Assert.False(string.IsNullOrEmpty(status.Decision.RulesetVersion));

        var second = await client.SubmitAsync(article, new NewComment(new CommentAuthor("c-2", "Bo"), "And a second, equally calm remark on the talks."));
        await Eventually.MatchesAsync(() => client.GetStatusAsync(second.Id), s => s?.Status == "approved", "the second comment");
        var page = await Eventually.MatchesAsync(
            () => client.ListCommentsAsync(article, limit: 1), p => p.Next is not null, "a first page with a next cursor");
        Assert.Equal(submitted.Id, Assert.Single(page.Items).Id);
        Assert.Equal("Ann", page.Items[0].Author.Name);

        var all = new List<PublishedComment>();
        await foreach (var comment in client.ListAllCommentsAsync(article, CommentOrder.Newest))
        {
            all.Add(comment);
        }

        Assert.Equal([second.Id, submitted.Id], all.Select(c => c.Id));
    }

    [Fact]
    public async Task A_repeated_submit_with_the_same_idempotency_key_returns_the_same_comment()
    {
        var client = host.Client();
        var article = NewArticle();
        var comment = new NewComment(new CommentAuthor("c-3", "Cy"), "Retried after a timeout, sent twice on purpose.");
        var first = await client.SubmitAsync(article, comment, idempotencyKey: "retry-1");
        var again = await client.SubmitAsync(article, comment, idempotencyKey: "retry-1");
        Assert.Equal(first.Id, again.Id);

        var conflict = await Assert.ThrowsAsync<ModerationApiException>(() =>
            client.SubmitAsync(article, comment with { Body = "Another body under the same key." }, idempotencyKey: "retry-1"));
        Assert.Equal(HttpStatusCode.Conflict, conflict.Status);
    }

    [Fact]
    public async Task Errors_arrive_as_exceptions_that_name_the_bad_field_and_a_foreign_comment_is_null()
    {
        var client = host.Client();
        var bad = await Assert.ThrowsAsync<ModerationApiException>(() =>
            client.SubmitAsync(NewArticle(), new NewComment(new CommentAuthor("", "Ann"), "   ")));
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains(bad.Errors.Keys, key => key.Contains("body", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(bad.Errors.Keys, key => key.Contains("author", StringComparison.OrdinalIgnoreCase));

        var mine = await client.SubmitAsync(NewArticle(), new NewComment(new CommentAuthor("c-4", "Di"), "Mine, and no other site's."));
        Assert.Null(await host.Client(ClientHost.OtherSiteId, ClientHost.OtherApiKey).GetStatusAsync(mine.Id));
        Assert.Null(await client.GetStatusAsync(Guid.NewGuid()));

        var unknownKey = await Assert.ThrowsAsync<ModerationApiException>(() =>
            host.Client(ClientHost.SiteId, "not-a-key-at-all").ListCommentsAsync(NewArticle()));
        Assert.Equal(HttpStatusCode.Unauthorized, unknownKey.Status);

        var badLimit = await Assert.ThrowsAsync<ModerationApiException>(() => client.ListCommentsAsync(NewArticle(), limit: 0));
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.Status);
    }

    [Fact]
    public async Task Webhook_events_verify_with_the_library_and_their_dead_letters_and_status_are_reachable()
    {
        var client = host.Client();
        var submitted = await client.SubmitAsync(NewArticle(), new NewComment(new CommentAuthor("c-5", "Ed"), "Verified by the library on arrival."));
        var body = await Eventually.MatchesAsync(
            () => Task.FromResult(host.Verified.FirstOrDefault(b => b.Contains(submitted.Id.ToString(), StringComparison.Ordinal))),
            found => found is not null,
            "the signed event, verified");
        Assert.Equal(0, host.Refused);

        var eventId = JsonNode.Parse(body!)!["id"]!.GetValue<Guid>();
        var delivery = await Eventually.MatchesAsync(
            () => client.GetWebhookEventAsync(eventId), d => d?.Status == "delivered", "the delivery recorded");
        Assert.Equal("comment.approved", delivery!.Type);

        Assert.Empty(await client.ListDeadLettersAsync());
        Assert.False(await client.ReplayDeadLetterAsync(eventId));
        Assert.Equal(0, await client.ReplayAllDeadLettersAsync());
        Assert.Null(await host.Client(ClientHost.OtherSiteId, ClientHost.OtherApiKey).GetWebhookEventAsync(eventId));
    }

    [Fact]
    public async Task A_report_counts_once_per_reader_and_arrives_as_a_signed_comment_reported_event()
    {
        var client = host.Client();
        var submitted = await client.SubmitAsync(NewArticle(), new NewComment(new CommentAuthor("c-6", "Flo"), "Reported by two readers, calmly written."));
        await Eventually.MatchesAsync(() => client.GetStatusAsync(submitted.Id), s => s?.Status == "approved", "the comment approved");

        Assert.Equal(new ReportResult(submitted.Id, true, 1), await client.ReportAsync(submitted.Id, "reader-1", ReportReason.OffTopic, "Not about the talks."));
        Assert.Equal(new ReportResult(submitted.Id, false, 1), await client.ReportAsync(submitted.Id, "reader-1", ReportReason.Spam));
        Assert.Equal(new ReportResult(submitted.Id, true, 2), await client.ReportAsync(submitted.Id, "reader-2", ReportReason.Abuse));
        Assert.Null(await host.Client(ClientHost.OtherSiteId, ClientHost.OtherApiKey).ReportAsync(submitted.Id, "reader-3", ReportReason.Other));

        var reports = await Eventually.MatchesAsync(
            () => Task.FromResult(host.Verified
                .Select(body => JsonNode.Parse(body)!)
                .Where(e => e["type"]!.GetValue<string>() == "comment.reported" && e["comment"]!["id"]!.GetValue<Guid>() == submitted.Id)
                .ToList()),
            events => events.Count == 2,
            "one comment.reported event per reader");
        var second = reports.Single(e => e["report"]!["reporterId"]!.GetValue<string>() == "reader-2");
        Assert.Equal("abuse", second["report"]!["reason"]!.GetValue<string>());
        Assert.Equal(2, second["report"]!["reports"]!.GetValue<int>());
        Assert.Equal(2, reports.Select(e => e["id"]!.GetValue<Guid>()).Distinct().Count());
    }

    [Fact]
    public async Task Stats_count_a_sites_own_comments_per_article_and_day_and_refuse_a_bad_range()
    {
        var client = host.Client();
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        var article = NewArticle();
        var approved = await client.SubmitAsync(article, new NewComment(new CommentAuthor("st-1", "Una"), "Counted once, approved, calmly written."));
        var flagged = await client.SubmitAsync(article, new NewComment(new CommentAuthor("st-2", "Vic"), "Read it at https://example.org/x", AuthorSignals: new AuthorSignals(1)));
        await Eventually.MatchesAsync(() => client.GetStatusAsync(approved.Id), s => s?.Status == "approved", "approved");
        await Eventually.MatchesAsync(() => client.GetStatusAsync(flagged.Id), s => s?.Status == "flagged", "flagged");
        await client.ReportAsync(approved.Id, "stats-reader", ReportReason.Spam);
        await host.Client(ClientHost.OtherSiteId, ClientHost.OtherApiKey).SubmitAsync(article, new NewComment(new CommentAuthor("st-3", "Wes"), "Another site's comment."));

        var stats = await client.GetStatsAsync(since, DateTimeOffset.UtcNow.AddMinutes(1), byArticle: true);
        var row = Assert.Single(stats.Items, r => r.Key == article);
        Assert.Equal(new StatsRow(article, 2, 1, 1, 0, 1, 0), row);
        Assert.True(stats.Total.Submitted >= 2);
        Assert.Equal(stats.Items.Sum(r => r.Submitted), stats.Total.Submitted);

        var byDay = await client.GetStatsAsync(since, DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal("day", byDay.By);
        Assert.Contains(byDay.Items, r => r.Key == DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) || r.Key == since.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        var backwards = await Assert.ThrowsAsync<ModerationApiException>(() => client.GetStatsAsync(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(-1)));
        Assert.Equal(HttpStatusCode.BadRequest, backwards.Status);
        var tooLong = await Assert.ThrowsAsync<ModerationApiException>(() => client.GetStatsAsync(DateTimeOffset.UtcNow.AddDays(-400), DateTimeOffset.UtcNow));
        Assert.Contains("from", tooLong.Errors.Keys);
        using var http = host.Host.CreateClient(ClientHost.OtherApiKey);
        using var foreign = await http.GetAsync($"/v1/sites/{ClientHost.SiteId}/stats");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task The_author_deletes_a_comment_once_and_for_good_and_only_its_author_may()
    {
        var client = host.Client();
        var article = NewArticle();
        var author = $"del-{Guid.NewGuid():N}";
        var gone = await client.SubmitAsync(article, new NewComment(new CommentAuthor(author, "Ida"), "Soon deleted, calmly written."));
        await Eventually.MatchesAsync(() => client.ListCommentsAsync(article), page => page.Items.Count == 1, "the comment published");

        var refused = await Assert.ThrowsAsync<ModerationApiException>(() => client.DeleteAsync(gone.Id, "someone-else"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Null(await host.Client(ClientHost.SiteId, ClientHost.OtherApiKey).DeleteAsync(gone.Id, author));
        Assert.Null(await client.DeleteAsync(Guid.NewGuid(), author));

        var deleted = await client.DeleteAsync(gone.Id, author);
        Assert.Equal("deleted", deleted!.Status);
        Assert.Equal(gone.Id, deleted.Id);
        Assert.Equal("deleted", (await client.DeleteAsync(gone.Id, author))!.Status);
        Assert.Equal("deleted", (await client.GetStatusAsync(gone.Id))!.Status);
        await Eventually.MatchesAsync(() => client.ListCommentsAsync(article), page => page.Items.Count == 0, "the comment off its article");
    }

    [Fact]
    public async Task Erasing_an_author_takes_their_comments_off_the_article_and_arrives_as_a_signed_author_erased_event()
    {
        var client = host.Client();
        var article = NewArticle();
        var author = $"er-{Guid.NewGuid():N}";
        var gone = await client.SubmitAsync(article, new NewComment(new CommentAuthor(author, "Gus"), "Soon erased, calmly written."));
        var stays = await client.SubmitAsync(article, new NewComment(new CommentAuthor("er-keep", "Hal"), "A reply that stays.", ParentId: gone.Id));
        await Eventually.MatchesAsync(() => client.GetStatusAsync(stays.Id), s => s?.Status == "approved", "the reply approved");
        await Eventually.MatchesAsync(() => client.ListCommentsAsync(article), page => page.Items.Count == 2, "both published");

        var erasure = await client.EraseAuthorAsync(author);
        Assert.Equal(ClientHost.SiteId, erasure.SiteId);
        Assert.Equal(erasure.SiteId, (await client.EraseAuthorAsync(author)).SiteId);

        var page = await Eventually.MatchesAsync(() => client.ListCommentsAsync(article), p => p.Items.Count == 1, "the author's comment withdrawn");
        Assert.Equal(gone.Id, Assert.Single(page.Items).ParentId);
        var erased = await Eventually.MatchesAsync(
            () => Task.FromResult(host.Verified.Select(body => JsonNode.Parse(body)!).Where(e => e["type"]!.GetValue<string>() == "author.erased"
                && e["author"]!["id"]!.GetValue<string>() == author).ToList()),
            events => events.Count >= 1,
            "a signed author.erased event");
        Assert.Single(erased.Select(e => e["id"]!.GetValue<Guid>()).Distinct());
        Assert.Equal(ClientHost.SiteId, erased[0]["author"]!["siteId"]!.GetValue<string>());

        var foreign = await Assert.ThrowsAsync<ModerationApiException>(() => host.Client(ClientHost.SiteId, ClientHost.OtherApiKey).EraseAuthorAsync(author));
        Assert.Equal(HttpStatusCode.NotFound, foreign.Status);
    }
}
