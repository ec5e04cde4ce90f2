using System.Net;
using Moderation.Client.Models;
using Moderation.Testing;

namespace Moderation.Client.Tests;

/// <summary>The article's section travels with a submit from the client, and a malformed one is a 400 naming it.</summary>
public sealed class SectionSubmitTests(ClientHost host) : IClassFixture<ClientHost>
{
    [Fact]
    public async Task A_comment_submitted_with_a_section_is_decided_and_a_malformed_section_is_refused()
    {
        var client = host.Client();
        var article = $"article-{Guid.NewGuid():N}";
        var submitted = await client.SubmitAsync(article, new NewComment(new CommentAuthor("s-1", "Sam"), "A fair result after extra time.", Section: "sport"));
        await Eventually.MatchesAsync(() => client.GetStatusAsync(submitted.Id), s => s?.Status == "approved", "the comment to be approved");

        var bad = await Assert.ThrowsAsync<ModerationApiException>(() =>
            client.SubmitAsync(article, new NewComment(new CommentAuthor("s-2", "Sol"), "Another fair result.", Section: "sport and/or ../politics")));
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains(bad.Errors.Keys, key => key.Contains("section", StringComparison.OrdinalIgnoreCase));
    }
}
