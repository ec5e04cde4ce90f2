using Moderation.Storage.Sqlite;
using Moderation.Storage.Tests.Fixtures;

namespace Moderation.Storage.Tests.Sqlite;

/// <summary>Two store instances on one file, as two worker processes would run: writes interleave and none is lost.</summary>
public sealed class SqliteSharedFileTests(SqliteFileFixture file) : IClassFixture<SqliteFileFixture>
{
    [Fact]
    public async Task Two_instances_writing_at_once_to_one_file_lose_nothing()
    {
        await using var first = await ModerationStores.OpenSqliteAsync(file.Path);
        await using var second = await ModerationStores.OpenSqliteAsync(file.Path);
        var site = TestData.NewSite();
        var comments = Enumerable.Range(0, 200)
            .Select(i => TestData.Published(site, "article-1", TestData.BaseTime.AddMilliseconds(i)))
            .ToList();

        var added = await Task.WhenAll(comments.Select((comment, i) =>
            Task.Run(() => (i % 2 == 0 ? first : second).ArticleComments.AddAsync(comment))));
        var replays = await Task.WhenAll(comments.Select(comment => Task.Run(() => second.ArticleComments.AddAsync(comment))));

        Assert.All(added, Assert.True);
        Assert.All(replays, Assert.False);
        var page = await first.ArticleComments.ListAsync(site, "article-1", Publishing.CommentOrder.OldestFirst, 500, null);
        Assert.Equal(comments, page.Items);
    }
}
