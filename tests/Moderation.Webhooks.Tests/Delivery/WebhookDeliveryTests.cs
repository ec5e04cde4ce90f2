using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json.Nodes;
using Moderation.Contracts;
using Moderation.Testing;
using Moderation.Webhooks.Tests.Infrastructure;

namespace Moderation.Webhooks.Tests.Delivery;

/// <summary>Events from the composed host to real receivers: order, once per id, recovery, timeouts, secret rotation.</summary>
public sealed class WebhookDeliveryTests(PatientWebhookHost host) : IClassFixture<PatientWebhookHost>
{
    private const string Clean = "Thanks for the clear explanation of the peace talks; the timeline helps a lot.";
    private const string Abusive = "Immigrants like you are vermin, you stupid motherfucker, go kill yourself.";
    private const string NewcomerLink = "Read the real story at https://example.org/story";

    private static string NewArticle() => $"article-{Guid.NewGuid():N}";

    [Fact]
    public async Task A_receiver_that_fails_for_a_while_then_recovers_gets_every_event_once_and_in_order_per_comment()
    {
        var site = host.Site("hooks");
        var receiver = host.Receiver;
        var article = NewArticle();
        receiver.Failing = true;
        var attemptsBefore = receiver.Attempts;

        var approved = await site.SubmitAsync(article, Clean, authorId: "r-1");
        var rejected = await site.SubmitAsync(article, Abusive, authorId: "r-2");
        var flagged = await site.SubmitAsync(article, NewcomerLink, authorId: "r-3", accountAgeDays: 0);
        foreach (var id in new[] { approved, rejected, flagged })
        {
            await site.WaitForFinalStatusAsync(id);
        }

        // The moderator decides while the rules' event of the same comment is still failing: it must wait its turn.
        await host.PublishModeratorApprovalAsync(new Comment(
            flagged, "hooks", article, new CommentAuthor("r-3", "Reader"), NewcomerLink, null, DateTimeOffset.UtcNow));
        await Eventually.MatchesAsync(
            () => Task.FromResult(receiver.Attempts - attemptsBefore), attempts => attempts >= 12, "the receiver to refuse several rounds");

        receiver.Failing = false;
        var mine = await Eventually.MatchesAsync(
            () => Task.FromResult(receiver.Accepted.Where(e => e.Body["comment"]?["articleId"]?.GetValue<string>() == article).ToList()),
            events => events.Count >= 4,
            "all four events once the receiver recovers");

        // Nothing more arrives later: give the dispatcher a few more rounds, then count again.
        await Task.Delay(TimeSpan.FromSeconds(1));
        mine = receiver.Accepted.Where(e => e.Body["comment"]?["articleId"]?.GetValue<string>() == article).ToList();
        Assert.Equal(4, mine.Count);
        Assert.Equal(4, mine.Select(e => e.Id).Distinct().Count());
        Assert.Equal("comment.approved", Single(mine, approved).Type);
        Assert.Equal("comment.rejected", Single(mine, rejected).Type);
        Assert.Equal(["comment.flagged", "comment.decided"], mine.Where(e => e.CommentId == flagged).Select(e => e.Type));

        var decided = mine.Single(e => e.Type == "comment.decided").Body;
        Assert.Equal("approve", decided["decision"]!["outcome"]!.GetValue<string>());
        Assert.Equal("moderator", decided["decision"]!["by"]!.GetValue<string>());
        Assert.Equal("moderator-7", decided["decision"]!["moderatorId"]!.GetValue<string>());
        Assert.Equal("approved", decided["comment"]!["status"]!.GetValue<string>());

        var status = await host.GetEventAsync("hooks", Single(mine, approved).Id);
        Assert.Equal("delivered", status!["status"]!.GetValue<string>());
        Assert.True(status["attempts"]!.GetValue<int>() >= 2, $"the first attempts failed: {status}");
    }

    [Fact]
    public async Task Every_event_carries_the_comment_and_the_rules_decision()
    {
        var site = host.Site("hooks");
        var article = NewArticle();
        var id = await site.SubmitAsync(article, Abusive, authorId: "r-9");

        var received = await Eventually.MatchesAsync(
            () => Task.FromResult(host.Receiver.Accepted.FirstOrDefault(e => e.CommentId == id)),
            e => e is not null,
            "the rejected comment's event");
        var body = received!.Body;
        Assert.Equal("comment.rejected", body["type"]!.GetValue<string>());
        Assert.True(DateTimeOffset.TryParse(body["occurredAt"]!.GetValue<string>(), out _));
        var comment = body["comment"]!;
        Assert.Equal(id, comment["id"]!.GetValue<Guid>());
        Assert.Equal("hooks", comment["siteId"]!.GetValue<string>());
        Assert.Equal(article, comment["articleId"]!.GetValue<string>());
        Assert.Equal("r-9", comment["author"]!["id"]!.GetValue<string>());
        Assert.Equal(Abusive, comment["body"]!.GetValue<string>());
        Assert.Equal("rejected", comment["status"]!.GetValue<string>());
        var decision = body["decision"]!;
        Assert.Equal("reject", decision["outcome"]!.GetValue<string>());
        Assert.Equal("rules", decision["by"]!.GetValue<string>());
        Assert.NotEmpty(decision["hits"]!.AsArray());
        Assert.False(string.IsNullOrEmpty(decision["rulesetVersion"]!.GetValue<string>()));
        Assert.Matches("^t=[0-9]+,v1=[0-9a-f]{64}$", received.Signature);
    }

    [Fact]
    public async Task A_receiver_that_does_not_answer_in_time_is_tried_again()
    {
        var site = host.Site("hooks");
        host.Receiver.Hang = TimeSpan.FromSeconds(2);
        var id = await site.SubmitAsync(NewArticle(), Clean, authorId: "r-slow");
        await site.WaitForFinalStatusAsync(id);
        var eventId = RulesEventId(id);
        await Eventually.MatchesAsync(
            () => host.GetEventAsync("hooks", eventId),
            status => status?["lastError"]?.GetValue<string>()?.Contains("No answer within 1 s", StringComparison.Ordinal) == true,
            "a timed-out attempt");

        host.Receiver.Hang = null;
        await Eventually.MatchesAsync(
            () => Task.FromResult(host.Receiver.Accepted.Count(e => e.CommentId == id)),
            count => count == 1,
            "the event once the receiver answers in time");
    }

    [Fact]
    public async Task While_secrets_rotate_each_request_is_signed_with_both_so_a_receiver_knowing_either_accepts_it()
    {
        var site = host.Site("rotating");
        var receiver = host.RotatingReceiver;

        receiver.KnownSecrets = [WebhookHost.OldSecret];
        var first = await site.SubmitAsync(NewArticle(), Clean, authorId: "rot-1");
        await Eventually.MatchesAsync(
            () => Task.FromResult(receiver.Accepted.Any(e => e.CommentId == first)), found => found, "the event verified with the old secret");

        receiver.KnownSecrets = [WebhookHost.NewSecret];
        var second = await site.SubmitAsync(NewArticle(), Clean, authorId: "rot-2");
        var received = await Eventually.MatchesAsync(
            () => Task.FromResult(receiver.Accepted.FirstOrDefault(e => e.CommentId == second)), found => found is not null, "the event verified with the new secret");

        Assert.Equal(0, receiver.BadSignatures);
        Assert.Equal(2, received!.Signature.Split(",v1=").Length - 1);
    }

    [Fact]
    public async Task A_site_without_a_webhook_gets_no_events_and_another_sites_key_sees_none()
    {
        var silent = host.Site("silent");
        var id = await silent.SubmitAsync(NewArticle(), Clean, authorId: "quiet");
        await silent.WaitForFinalStatusAsync(id);
        using var list = await host.Client("silent").GetAsync("/v1/sites/silent/webhooks/dead-letters");
        Assert.Equal(System.Net.HttpStatusCode.OK, list.StatusCode);

        using var foreign = await host.Client("silent").GetAsync("/v1/sites/hooks/webhooks/dead-letters");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, foreign.StatusCode);
        using var anonymous = await host.Host.CreateClient().GetAsync("/v1/sites/hooks/webhooks/dead-letters");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task A_ban_set_in_review_arrives_once_as_author_banned_and_other_standings_send_nothing()
    {
        var author = $"ban-{Guid.NewGuid():N}";
        var other = $"trust-{Guid.NewGuid():N}";
        AuthorStandingChanged ban;
        using (var scope = host.Host.Services.CreateScope())
        {
            var standings = scope.ServiceProvider.GetRequiredService<Review.Authors.AuthorStandings>();
            await standings.SetAsync("hooks", other, AuthorStanding.Trusted, null, "chief", null, default);
            var entry = await standings.SetAsync("hooks", author, AuthorStanding.Banned, 7, "chief", "spam run", default);
            ban = new AuthorStandingChanged("hooks", author, AuthorStanding.Banned, entry.At.AddDays(7), "chief", entry.At);
        }

        var banned = await Eventually.MatchesAsync(
            () => Task.FromResult(host.Receiver.Accepted.Where(e => e.Type == "author.banned" && e.Body["author"]!["id"]!.GetValue<string>() == author).ToList()),
            events => events.Count >= 1,
            "an author.banned event");
        var body = banned[0].Body;
        Assert.Equal("hooks", body["author"]!["siteId"]!.GetValue<string>());
        Assert.Equal("chief", body["author"]!["moderatorId"]!.GetValue<string>());
        Assert.True(body["author"]!["until"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow.AddDays(6));
        Assert.Null(body["comment"]);

        // The same ban delivered again by the broker is the same event; a trusted author is no webhook.
        using (var scope = host.Host.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<IPublishEndpoint>().Publish(ban);
        }

        var witness = await host.Site("hooks").SubmitAsync(NewArticle(), Clean, authorId: "ban-witness");
        await Eventually.MatchesAsync(() => Task.FromResult(host.Receiver.Accepted.Any(e => e.CommentId == witness)), any => any, "the witness's event");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(host.Receiver.Accepted.Where(e => e.Type == "author.banned" && e.Body["author"]!["id"]!.GetValue<string>() == author).Select(e => e.Id).Distinct());
        Assert.DoesNotContain(host.Receiver.Accepted, e => e.Body["author"]?["id"]?.GetValue<string>() == other);
    }

    [Fact]
    public async Task Each_later_moderator_decision_arrives_as_its_own_event_and_taking_back_an_approval_as_comment_taken_down()
    {
        var site = host.Site("hooks");
        var flagged = await site.SubmitAsync(NewArticle(), NewcomerLink, authorId: $"td-{Guid.NewGuid():N}", accountAgeDays: 0);
        await site.WaitForFinalStatusAsync(flagged);
        var queue = host.Host.Services.GetRequiredService<Moderation.Storage.Review.IReviewQueueStore>();
        var item = await Eventually.MatchesAsync(() => queue.GetAsync(flagged), found => found is not null, "the flagged comment in the review queue");

        // Approve, take the approval back, then undo the takedown: three decisions of Review's, numbered 1, 2 and 3.
        string[] expected = ["comment.flagged", "comment.decided", "comment.taken_down", "comment.decided"];
        for (var step = 1; step <= 3; step++)
        {
            using (var scope = host.Host.Services.CreateScope())
            {
                var decider = scope.ServiceProvider.GetRequiredService<Review.Decisions.ReviewDecider>();
                var result = step == 1
                    ? await decider.DecideAsync(item!, "moderator-7", approve: true, null, null, default)
                    : await decider.RedecideAsync(item!, $"moderator-{7 + step}", approve: step == 3, "abuse", null, null, step - 1, TimeSpan.FromHours(1), default);
                Assert.Equal(Review.Decisions.DecisionResult.Decided, result);
            }

            item = await queue.GetAsync(flagged);
            await Eventually.MatchesAsync(
                () => Task.FromResult(host.Receiver.Accepted.Count(e => e.CommentId == flagged)), count => count >= step + 1, $"the event of decision {step}");
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        var mine = host.Receiver.Accepted.Where(e => e.CommentId == flagged).ToList();
        Assert.Equal(expected, mine.Select(e => e.Type));
        Assert.Equal(4, mine.Select(e => e.Id).Distinct().Count());
        Assert.Equal("rejected", mine[2].Body["comment"]!["status"]!.GetValue<string>());
        Assert.Equal("moderator-9", mine[2].Body["decision"]!["moderatorId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_decision_on_reader_reports_arrives_as_flagged_then_taken_down_by_the_rules_and_shows_in_the_status()
    {
        var site = host.Site("hooks");
        var article = NewArticle();
        var reported = await site.SubmitAsync(article, Clean, authorId: $"rr-{Guid.NewGuid():N}");
        var moderated = await site.SubmitAsync(article, NewcomerLink, authorId: $"rm-{Guid.NewGuid():N}", accountAgeDays: 0);
        Assert.Equal("approved", (await site.WaitForFinalStatusAsync(reported))!["status"]!.GetValue<string>());
        Assert.Equal("flagged", (await site.WaitForFinalStatusAsync(moderated))!["status"]!.GetValue<string>());
        var moderatedComment = new Comment(moderated, "hooks", article, new CommentAuthor("rm", "Reader"), NewcomerLink, null, DateTimeOffset.UtcNow);
        await host.PublishModeratorApprovalAsync(moderatedComment);
        await Eventually.MatchesAsync(
            () => Task.FromResult(host.Receiver.Accepted.Count(e => e.CommentId == moderated)), count => count >= 2, "the moderator's approval announced");

        // The worker decides both again on reports, as its RedecideReportedCommentConsumer does: a hold at 3 reports, a
        // takedown at 4, each redelivered. The one a moderator approved stays approved and is not announced.
        var comment = new Comment(reported, "hooks", article, new CommentAuthor("rr", "Reader"), Clean, null, DateTimeOffset.UtcNow);
        var hold = new ModerationDecision(DecisionOutcome.Flag, 2, [new RuleHit("reports.hold", "community", "medium", 0, 6, "Thanks")], "v-reports", DateTimeOffset.UtcNow);
        var takeDown = hold with { Outcome = DecisionOutcome.Reject, Score = 5, DecidedAt = DateTimeOffset.UtcNow.AddSeconds(1) };
        using (var scope = host.Host.Services.CreateScope())
        {
            var bus = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
            await bus.Publish(new CommentModerated(comment, hold, OpenReports: 3));
            await Eventually.MatchesAsync(
                async () => (await site.GetStatusAsync(reported))!["status"]!.GetValue<string>(), status => status == "flagged", "the status to show the hold");
            await bus.Publish(new CommentModerated(comment, hold, OpenReports: 3));
            await bus.Publish(new CommentModerated(comment, takeDown, OpenReports: 4));
            await bus.Publish(new CommentModerated(comment, takeDown, OpenReports: 4));
            await bus.Publish(new CommentModerated(moderatedComment, takeDown, OpenReports: 4));
        }

        await Eventually.MatchesAsync(
            () => Task.FromResult(host.Receiver.Accepted.Count(e => e.CommentId == reported)), count => count >= 3, "the hold and the takedown announced");
        await Eventually.MatchesAsync(
            async () => (await site.ListAsync(article))["items"]!.AsArray().Select(c => c!["id"]!.GetValue<Guid>()).ToList(),
            ids => !ids.Contains(reported) && ids.Contains(moderated),
            "the reported comment taken down, the moderator's approval standing");
        await Task.Delay(TimeSpan.FromSeconds(1));

        var mine = host.Receiver.Accepted.Where(e => e.CommentId == reported).ToList();
        Assert.Equal(["comment.approved", "comment.flagged", "comment.taken_down"], mine.Select(e => e.Type));
        Assert.Equal(3, mine.Select(e => e.Id).Distinct().Count());
        Assert.Equal("flagged", mine[1].Body["comment"]!["status"]!.GetValue<string>());
        Assert.Equal(3, mine[1].Body["decision"]!["reports"]!.GetValue<int>());
        Assert.Equal("rejected", mine[2].Body["comment"]!["status"]!.GetValue<string>());
        Assert.Equal("rules", mine[2].Body["decision"]!["by"]!.GetValue<string>());
        Assert.Equal("reject", mine[2].Body["decision"]!["outcome"]!.GetValue<string>());
        Assert.Equal(4, mine[2].Body["decision"]!["reports"]!.GetValue<int>());
        Assert.Equal(["comment.flagged", "comment.decided"], host.Receiver.Accepted.Where(e => e.CommentId == moderated).Select(e => e.Type));

        var status = await site.GetStatusAsync(reported);
        Assert.Equal("rejected", status!["status"]!.GetValue<string>());
        Assert.Equal("reject", status["decision"]!["outcome"]!.GetValue<string>());
        Assert.Equal("approved", (await site.GetStatusAsync(moderated))!["status"]!.GetValue<string>());
    }

    private static ReceivedEvent Single(IEnumerable<ReceivedEvent> events, Guid commentId) => events.Single(e => e.CommentId == commentId);

    /// <summary>An event's id is derived from what it announces, so the test knows where to look for it.</summary>
    private static Guid RulesEventId(Guid commentId) => Events.WebhookEventFactory.FromRules(new CommentModerated(
        new Comment(commentId, "hooks", "a", new CommentAuthor("x", "x"), "x", null, DateTimeOffset.UtcNow),
        new ModerationDecision(DecisionOutcome.Approve, 0, [], "v", DateTimeOffset.UtcNow))).Id;
}
