using Moderation.Contracts;
using Moderation.Storage.Comments;
using Moderation.Storage.Reports;
using Moderation.Storage.Stats;
using Moderation.Storage.Tests.Fixtures;

namespace Moderation.Storage.Tests.Contracts;

public abstract class SiteStatsStoreContract : StoreContract
{
    private static readonly DateTimeOffset Day1 = new(2026, 11, 30, 23, 59, 0, TimeSpan.Zero);

    [SkippableFact]
    public async Task Counts_group_by_utc_day_or_article_within_the_range_and_only_for_the_site()
    {
        var site = TestData.NewSite();
        var approved = await AddAsync(site, "a-1", Day1, CommentStatus.Approved, DecisionOutcome.Approve);
        await AddAsync(site, "a-1", Day1.AddMinutes(1), CommentStatus.Flagged, DecisionOutcome.Flag, moderatorDecides: true);
        await AddAsync(site, "a-2", Day1.AddMinutes(2), CommentStatus.Rejected, DecisionOutcome.Reject);
        await AddAsync(site, "a-2", Day1.AddMinutes(3), CommentStatus.Pending, null);
        await AddAsync(site, "a-2", Day1.AddDays(5), CommentStatus.Approved, DecisionOutcome.Approve);
        await AddAsync(TestData.NewSite(), "a-1", Day1, CommentStatus.Approved, DecisionOutcome.Approve);
        await Stores.CommentReports.AddAsync(new CommentReport(approved, site, "r1", "spam", null, Day1.AddHours(1)));
        await Stores.CommentReports.AddAsync(new CommentReport(approved, site, "r2", "spam", null, Day1.AddHours(1)));

        var byDay = await Stores.SiteStats.CountAsync(site, Day1.AddHours(-1), Day1.AddDays(1), StatsGrouping.Day);
        Assert.Equal(
            [new StatsRow("2026-11-30", 1, 1, 0, 0, 1, 0), new StatsRow("2026-12-01", 3, 0, 1, 1, 0, 1)],
            byDay);

        var byArticle = await Stores.SiteStats.CountAsync(site, Day1.AddHours(-1), Day1.AddDays(10), StatsGrouping.Article);
        Assert.Equal(
            [new StatsRow("a-1", 2, 1, 1, 0, 1, 1), new StatsRow("a-2", 3, 1, 0, 1, 0, 0)],
            byArticle);

        Assert.Empty(await Stores.SiteStats.CountAsync(site, Day1.AddDays(20), Day1.AddDays(21), StatsGrouping.Day));
    }

    [SkippableFact]
    public async Task An_erased_authors_comments_still_count_with_their_outcomes()
    {
        var site = TestData.NewSite();
        await AddAsync(site, "a-1", Day1, CommentStatus.Approved, DecisionOutcome.Approve, author: "leaving");
        var decided = await AddAsync(site, "a-1", Day1.AddMinutes(1), CommentStatus.Flagged, DecisionOutcome.Flag, moderatorDecides: true, author: "leaving");
        await AddAsync(site, "a-2", Day1.AddMinutes(2), CommentStatus.Rejected, DecisionOutcome.Reject, author: "leaving");
        await AddAsync(site, "a-2", Day1.AddMinutes(3), CommentStatus.Approved, DecisionOutcome.Approve, author: "staying");
        var before = await Stores.SiteStats.CountAsync(site, Day1.AddHours(-1), Day1.AddDays(1), StatsGrouping.Article);
        Assert.Equal([new StatsRow("a-1", 2, 1, 1, 0, 0, 1), new StatsRow("a-2", 2, 1, 0, 1, 0, 0)], before);

        await Stores.ErasureOf(StoreOwner.Ingestion).EraseAsync(site, "leaving");
        await Stores.ErasureOf(StoreOwner.Ingestion).EraseAsync(site, "leaving");

        Assert.Equal(before, await Stores.SiteStats.CountAsync(site, Day1.AddHours(-1), Day1.AddDays(1), StatsGrouping.Article));
        var tombstone = await Stores.CommentStatus.GetAsync(decided);
        Assert.NotNull(tombstone);
        Assert.StartsWith("erased:", tombstone.AuthorId, StringComparison.Ordinal);
        Assert.Equal(DecisionOutcome.Flag, tombstone.Decision?.Outcome);
        Assert.Empty(tombstone.Decision!.Hits);
        Assert.NotNull(tombstone.Review);
        Assert.Null(tombstone.Review.MessageToAuthor);
    }

    private async Task<Guid> AddAsync(
        string site, string article, DateTimeOffset submitted, CommentStatus status, DecisionOutcome? outcome, bool moderatorDecides = false,
        string author = "author-1")
    {
        var id = Guid.NewGuid();
        await Stores.CommentStatus.TryCreateAsync(new CommentStatusRecord(id, site, article, author, CommentStatus.Pending, submitted));
        if (outcome is { } decided)
        {
            var decision = TestData.Decision(decided, submitted.AddSeconds(1));
            await Stores.CommentStatus.ApplyModerationAsync(
                id, status, decision with { Hits = [new RuleHit("link.any", "link", "low", 0, 6, author)] });
        }

        if (moderatorDecides)
        {
            await Stores.CommentStatus.ApplyReviewAsync(
                id, CommentStatus.Approved, TestData.Review(submitted.AddMinutes(5)) with { MessageToAuthor = $"Dear {author}" });
        }

        return id;
    }
}
