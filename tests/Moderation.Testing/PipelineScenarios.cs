using System.Text.Json.Nodes;
using Moderation.Contracts;
using Moderation.Storage.Review;

namespace Moderation.Testing;

/// <summary>
/// The three paths every comment can take, end to end through the real services. Each way of running the system
/// (RabbitMQ with separate services; the composed host in memory) runs these same tests.
/// </summary>
public abstract class PipelineScenarios
{
    /// <summary>A profanity of the default pack; with the insult and the threat around it the comment scores past rejection.</summary>
    public const string BlockedTerm = "motherfucker";

    protected abstract SiteApiClient Site { get; }

    protected abstract IReviewQueueStore ReviewQueue { get; }

    /// <summary>Skips (or fails, under CI) when the form has nothing to run on; the in-process forms always run.</summary>
    protected virtual void RequireSystem()
    {
    }

    /// <summary>Publishes a message on the system's bus, as a service would (awaiting the broker's confirm).</summary>
    protected abstract Task PublishAsync(object message);

    private static string NewArticle() => $"article-{Guid.NewGuid():N}";

    [SkippableFact]
    public async Task A_clean_comment_is_approved_and_served_under_its_article()
    {
        RequireSystem();
        var article = NewArticle();
        var body = "Thanks for the clear explanation of the peace talks; the timeline helps a lot.";
        var id = await Site.SubmitAsync(article, body);

        var status = await Site.WaitForFinalStatusAsync(id);
        Assert.Equal("approved", status!["status"]!.GetValue<string>());
        Assert.NotNull(status["decision"]!["rulesetVersion"]);

        var page = await Eventually.MatchesAsync(
            () => Site.ListAsync(article),
            json => json["items"]!.AsArray().Count == 1,
            "the approved comment in the read API");
        var item = page["items"]![0]!;
        Assert.Equal(id, item["id"]!.GetValue<Guid>());
        Assert.Equal(body, item["body"]!.GetValue<string>());
        Assert.Equal("reader-1", item["author"]!["id"]!.GetValue<string>());
        Assert.Null(page["next"]?.GetValue<string>());
    }

    [SkippableFact]
    public async Task A_comment_with_a_blocked_term_is_rejected_with_a_hit_on_the_term()
    {
        RequireSystem();
        var article = NewArticle();
        // Hate, an insult, profanity and a threat: the default pack rejects only on evidence of several kinds.
        var body = $"Immigrants like you are vermin, you stupid {BlockedTerm}, go kill yourself.";
        var id = await Site.SubmitAsync(article, body);

        var status = await Site.WaitForFinalStatusAsync(id);
        Assert.Equal("rejected", status!["status"]!.GetValue<string>());
        var hits = status["decision"]!["hits"]!.AsArray();
        var termStart = body.IndexOf(BlockedTerm, StringComparison.Ordinal);
        Assert.Contains(hits, hit =>
            hit!["start"]!.GetValue<int>() == termStart &&
            hit["length"]!.GetValue<int>() == BlockedTerm.Length &&
            hit["match"]!.GetValue<string>() == BlockedTerm);

        Assert.Empty((await Site.ListAsync(article))["items"]!.AsArray());
    }

    /// <summary>The default pack holds a link from a new commenter (the site says how old the account is).</summary>
    [SkippableFact]
    public async Task A_new_commenters_link_is_flagged_and_waits_in_the_review_queue()
    {
        RequireSystem();
        var article = NewArticle();
        var body = "Full transcript of the meeting here: https://example.org/transcript";
        var id = await Site.SubmitAsync(article, body, authorId: "newcomer-1", accountAgeDays: 0);

        var status = await Site.WaitForFinalStatusAsync(id);
        Assert.Equal("flagged", status!["status"]!.GetValue<string>());
        Assert.Contains(status["decision"]!["hits"]!.AsArray(), hit => hit!["category"]!.GetValue<string>() == "link");

        var queued = await Eventually.MatchesAsync(
            () => ReviewQueue.GetAsync(id),
            item => item is not null,
            "the flagged comment in the review queue");
        Assert.Equal(ReviewItemStatus.Pending, queued!.Status);
        Assert.Equal(body, queued.Comment.Body);
        Assert.Empty((await Site.ListAsync(article))["items"]!.AsArray());
    }

    /// <summary>
    /// A takedown: a moderator rejects a comment that is live. The decision goes the real way (recorded in the review
    /// queue with its event unsent, sent by the outbox relay) and the comment leaves its article; its status follows.
    /// </summary>
    [SkippableFact]
    public async Task A_moderators_rejection_after_an_approval_takes_the_comment_down()
    {
        RequireSystem();
        var article = NewArticle();
        var body = "The council vote is on Thursday; the agenda is worth reading before then.";
        var id = await Site.SubmitAsync(article, body, authorId: "takedown-1");
        Assert.Equal("approved", (await Site.WaitForFinalStatusAsync(id))!["status"]!.GetValue<string>());
        await Eventually.MatchesAsync(() => Site.ListAsync(article), page => page["items"]!.AsArray().Count == 1, "the comment live");

        var now = DateTimeOffset.UtcNow;
        var comment = new Comment(id, Site.SiteId, article, new CommentAuthor("takedown-1", "Reader takedown-1"), body, null, now);
        Assert.True(await ReviewQueue.AddAsync(new ReviewItem(comment, new ModerationDecision(DecisionOutcome.Flag, 0, [], "test", now), now)));
        Assert.True(await ReviewQueue.DecideAsync(id, ReviewItemStatus.Rejected, new ModeratorDecision("moderator-t", "abuse", now, 1), now));

        await Eventually.MatchesAsync(() => Site.ListAsync(article), page => page["items"]!.AsArray().Count == 0, "the comment taken down");
        await Eventually.MatchesAsync(
            () => Site.GetStatusAsync(id), status => status?["status"]?.GetValue<string>() == "rejected", "its status rejected");
    }

    /// <summary>
    /// Events of one comment arriving out of order and twice: a takedown (decision 2) before the approval it overrides
    /// (decision 1), then both again. The comment never comes back; a third decision (approve) brings it back.
    /// </summary>
    [SkippableFact]
    public async Task An_approval_arriving_after_a_later_rejection_never_brings_the_comment_back()
    {
        RequireSystem();
        var article = NewArticle();
        var now = DateTimeOffset.UtcNow;
        var id = Guid.NewGuid();
        var comment = new Comment(id, Site.SiteId, article, new CommentAuthor("late-1", "Reader late-1"), "Late, out of order.", null, now);
        var approval = new CommentApproved(comment, new ModeratorDecision("moderator-a", null, now.AddSeconds(1), 1));
        var takedown = new CommentRejected(comment, new ModeratorDecision("moderator-b", "abuse", now.AddSeconds(2), 2));
        var witness = Guid.NewGuid();

        await PublishAsync(takedown);
        await PublishAsync(approval);
        await PublishAsync(takedown);
        await PublishAsync(approval);

        // A comment approved after the four on the same article. Consumers run concurrently, so the approval may be
        // applied before the takedown and the comment be live for a moment; what must hold is where it ends: off its
        // article once the witness is live, and still off it after every redelivery has had time to arrive.
        var marker = new Comment(witness, Site.SiteId, article, new CommentAuthor("late-2", "Reader late-2"), "Witness.", null, now);
        await PublishAsync(new CommentApproved(marker, new ModeratorDecision("moderator-a", null, now.AddSeconds(3), 1)));
        static bool Holds(JsonNode page, Guid id) => page["items"]!.AsArray().Any(c => c!["id"]!.GetValue<Guid>() == id);
        await Eventually.MatchesAsync(
            () => Site.ListAsync(article), json => Holds(json, witness) && !Holds(json, id), "the witness live and the comment off its article");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(Holds(await Site.ListAsync(article), id), "an older approval brought the taken-down comment back");
        await Eventually.MatchesAsync(
            () => Site.GetStatusAsync(id), status => status?["status"]?.GetValue<string>() == "rejected", "its status rejected");

        await PublishAsync(new CommentApproved(comment, new ModeratorDecision("moderator-a", null, now.AddSeconds(4), 3)));
        await Eventually.MatchesAsync(
            () => Site.ListAsync(article), json => json["items"]!.AsArray().Any(c => c!["id"]!.GetValue<Guid>() == id), "decision 3 brings it back");
        await Eventually.MatchesAsync(
            () => Site.GetStatusAsync(id), status => status?["status"]?.GetValue<string>() == "approved", "its status approved");
    }
}
