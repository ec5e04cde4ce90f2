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

    private static string NewArticle() => $"article-{Guid.NewGuid():N}";

    [Fact]
    public async Task A_clean_comment_is_approved_and_served_under_its_article()
    {
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

    [Fact]
    public async Task A_comment_with_a_blocked_term_is_rejected_with_a_hit_on_the_term()
    {
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
    [Fact]
    public async Task A_new_commenters_link_is_flagged_and_waits_in_the_review_queue()
    {
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
}
