using Microsoft.Data.Sqlite;
using Moderation.Storage.Publishing;
using Moderation.Storage.Sqlite;
using Moderation.Storage.Tests.Contracts;
using Moderation.Storage.Tests.Fixtures;

namespace Moderation.Storage.Tests.Sqlite;

public sealed class SqliteArticleCommentScaleTests(SqliteFileFixture file) : ArticleCommentScaleContract, IClassFixture<SqliteFileFixture>
{
    protected override async Task<ModerationStores> CreateStoresAsync() => await ModerationStores.OpenSqliteAsync(file.Path);

    protected override async Task SeedAsync(IReadOnlyList<PublishedComment> comments) =>
        Assert.Equal(comments.Count, await ((SqliteArticleCommentStore)Stores.ArticleComments).AddManyAsync(comments));

    protected override async Task AssertReadUsesIndexAsync(string siteId, string articleId, CommentOrder order, CommentPageCursor? after)
    {
        await using var connection = new SqliteConnection($"Data Source={file.Path}");
        await connection.OpenAsync();
        await using var command = SqliteArticleCommentStore.ListCommand(connection, siteId, articleId, order, 11, after);
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        var plan = await command.ReadAllAsync(reader => reader.GetString(3), CancellationToken.None);

        var steps = string.Join(" | ", plan);
        Assert.Contains("ix_article_comments_read", steps);
        Assert.DoesNotContain("TEMP B-TREE", steps);
    }
}
