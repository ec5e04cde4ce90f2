using Moderation.Contracts;
using Moderation.Storage.Publishing;

namespace Moderation.Storage.Tests.Fixtures;

internal static class TestData
{
    /// <summary>A whole-millisecond UTC time, so values round-trip unchanged unless a test says otherwise.</summary>
    public static readonly DateTimeOffset BaseTime = new(2025, 3, 1, 12, 0, 0, 123, TimeSpan.Zero);

    public static string NewSite() => $"site-{Guid.NewGuid():N}";

    public static DateTimeOffset Truncated(DateTimeOffset value) =>
        DateTimeOffset.FromUnixTimeMilliseconds(value.ToUnixTimeMilliseconds());

    public static PublishedComment Published(string siteId, string articleId, DateTimeOffset publishedAt, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), siteId, articleId, "author-1", "Ada", "A thoughtful <b>comment</b> ✓", null, publishedAt);

    public static Comment Comment(string siteId, DateTimeOffset submittedAt, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), siteId, "article-1", new CommentAuthor("author-1", "Ada"), "Buy cheap pills", Guid.NewGuid(), submittedAt);

    public static ModerationDecision Decision(DecisionOutcome outcome, DateTimeOffset decidedAt) =>
        new(outcome, 0.72, [new RuleHit("spam.pills", "spam", "high", 4, 5, "cheap"), new RuleHit("links", "spam", "low", 0, 3, "Buy")], "2025.03.1", decidedAt);

    public static ModeratorDecision Review(DateTimeOffset decidedAt) => new("moderator-7", "Clearly spam", decidedAt);

    /// <summary>Records compare their hit lists by reference; this compares them by content.</summary>
    public static void AssertSameDecision(ModerationDecision expected, ModerationDecision? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Hits, actual.Hits);
        Assert.Equal(expected with { Hits = actual.Hits }, actual);
    }
}
