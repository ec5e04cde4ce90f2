using Moderation.Storage.Publishing;
using Moderation.Storage.Tests.Fixtures;

namespace Moderation.Storage.Tests.Contracts;

/// <summary>100,000 comments on one article: every one is read once, in order, and the read is served by the index.</summary>
public abstract class ArticleCommentScaleContract : StoreContract
{
    private const int CommentCount = 100_000;
    private const int PageSize = 1_000;

    /// <summary>Writes the comments through the provider's batched path.</summary>
    protected abstract Task SeedAsync(IReadOnlyList<PublishedComment> comments);

    /// <summary>Asserts the page query seeks the read index and needs no sort step.</summary>
    protected abstract Task AssertReadUsesIndexAsync(string siteId, string articleId, CommentOrder order, CommentPageCursor? after);

    [SkippableFact]
    public async Task One_article_with_100000_comments_pages_in_order_from_the_index()
    {
        var site = TestData.NewSite();

        // Seven comments per millisecond, so ties on PublishedAt run across page boundaries.
        var comments = Enumerable.Range(0, CommentCount)
            .Select(i => TestData.Published(site, "big-article", TestData.BaseTime.AddMilliseconds(i / 7)))
            .ToList();
        await SeedAsync(comments);
        await Stores.ArticleComments.AddAsync(TestData.Published(site, "other-article", TestData.BaseTime));

        var expected = comments.OrderBy(c => c.PublishedAt).ThenBy(c => c.Id).Select(c => c.Id).ToList();
        Assert.Equal(expected, await ReadAllIdsAsync(site, CommentOrder.OldestFirst));
        expected.Reverse();
        Assert.Equal(expected, await ReadAllIdsAsync(site, CommentOrder.NewestFirst));

        var middle = comments[CommentCount / 2];
        var cursor = new CommentPageCursor(middle.PublishedAt, middle.Id);
        foreach (var order in new[] { CommentOrder.OldestFirst, CommentOrder.NewestFirst })
        {
            await AssertReadUsesIndexAsync(site, "big-article", order, null);
            await AssertReadUsesIndexAsync(site, "big-article", order, cursor);
        }
    }

    private async Task<List<Guid>> ReadAllIdsAsync(string site, CommentOrder order)
    {
        var ids = new List<Guid>(CommentCount);
        CommentPageCursor? cursor = null;
        do
        {
            var page = await Stores.ArticleComments.ListAsync(site, "big-article", order, PageSize, cursor);
            ids.AddRange(page.Items.Select(c => c.Id));
            cursor = page.Next;
        }
        while (cursor is not null);

        return ids;
    }
}
