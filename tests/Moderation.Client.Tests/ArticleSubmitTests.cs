using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Client.Models;
using Moderation.Storage.Review;
using Moderation.Testing;

namespace Moderation.Client.Tests;

/// <summary>The article's title and url travel with a submit from the client to the review desk; a bad url is a 400 naming it.</summary>
public sealed class ArticleSubmitTests(ClientHost host) : IClassFixture<ClientHost>
{
    [Fact]
    public async Task A_comment_submitted_with_its_article_reaches_the_review_desk_and_a_bad_url_is_refused()
    {
        var client = host.Client();
        var article = $"article-{Guid.NewGuid():N}";
        var submitted = await client.SubmitAsync(article, new NewComment(
            new CommentAuthor("a-1", "Ari"), "A fair summary of the match.",
            Article: new ArticleInfo("Cup final ends level", new Uri("https://news.example/sport/cup-final"), "sport")));
        await Eventually.MatchesAsync(() => client.GetStatusAsync(submitted.Id), s => s?.Status == "approved", "the comment to be approved");
        var articles = host.Host.Services.GetRequiredService<IReviewCommentLogStore>();
        var kept = await Eventually.MatchesAsync(
            () => articles.GetArticleAsync(ClientHost.SiteId, article), a => a is not null, "the article kept by the review desk");
        Assert.Equal("Cup final ends level", kept!.Title);
        Assert.Equal("https://news.example/sport/cup-final", kept.Url);
        Assert.Equal("sport", kept.Section);

        var bad = await Assert.ThrowsAsync<ModerationApiException>(() => client.SubmitAsync(article, new NewComment(
            new CommentAuthor("a-2", "Bo"), "Another fair summary.", Article: new ArticleInfo(Url: new Uri("ftp://news.example/cup")))));
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("article.url", bad.Errors.Keys);
    }
}
