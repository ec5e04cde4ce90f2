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
            var id = await host.Site.SubmitAsync(article, Opinions[i], authorId: $"reader-{i}");
            Assert.Equal("approved", (await host.Site.WaitForFinalStatusAsync(id))!["status"]!.GetValue<string>());
            submitted.Add(id);
        }

        var oldest = await ReadAllAsync(article, "oldest", 3);
        var newest = await ReadAllAsync(article, "newest", 3);

        Assert.Equal(7, oldest.Count);
        Assert.Equal(submitted.Order(), oldest.Order());
        Assert.Equal(oldest.AsEnumerable().Reverse(), newest);
    }

    private static readonly string[] Opinions =
    [
        "The summit timeline in the third paragraph is the clearest I have read.",
        "I wonder how the European leaders will answer this next week.",
        "Good reporting; the quotes from both sides help.",
        "Would love a follow-up on what the UN vote means in practice.",
        "My grandfather lived through the last cold war, and this feels familiar.",
        "Thank you for keeping the comment section civil.",
        "Is there a transcript of the press conference available?",
    ];

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
