using Moderation.Api.Tests.Infrastructure;
using Moderation.Testing;

namespace Moderation.Api.Tests;

public sealed class ReadApiTests(ComposedHost host) : IClassFixture<ComposedHost>
{
    [Fact]
    public async Task Pages_through_an_article_in_both_orders_without_losing_or_repeating_a_comment()
    {
        var article = $"paged-{Guid.NewGuid():N}";
        var submitted = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            var id = await host.Site.SubmitAsync(article, $"Polite comment number {i} about the summit.");
            await host.Site.WaitForFinalStatusAsync(id);
            submitted.Add(id);
        }

        var oldest = await ReadAllAsync(article, "oldest", 3);
        var newest = await ReadAllAsync(article, "newest", 3);

        Assert.Equal(7, oldest.Count);
        Assert.Equal(submitted.Order(), oldest.Order());
        Assert.Equal(oldest.AsEnumerable().Reverse(), newest);
    }

    private async Task<List<Guid>> ReadAllAsync(string article, string order, int limit)
    {
        var ids = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var query = $"?order={order}&limit={limit}" + (cursor is null ? string.Empty : $"&cursor={Uri.EscapeDataString(cursor)}");
            var page = await host.Site.ListAsync(article, query);
            var items = page["items"]!.AsArray();
            Assert.True(items.Count <= limit);
            ids.AddRange(items.Select(item => item!["id"]!.GetValue<Guid>()));
            cursor = page["next"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(3, pages);
        return ids;
    }
}
