using Microsoft.Extensions.DependencyInjection;
using Moderation.Contracts;
using Moderation.Integration.Tests.Infrastructure;
using Moderation.Review.Authors;
using Moderation.Storage.Activity;
using Moderation.Storage.Review;
using Moderation.Testing;

namespace Moderation.Integration.Tests;

/// <summary>
/// An author's standing set in the Review service reaches both workers through RabbitMQ and their store, and every
/// comment of the author is then decided by it, whichever worker takes it.
/// </summary>
[Collection(DistributedCollection.Name)]
public sealed class AuthorStandingTests(DistributedSystem system)
{
    private async Task SetAsync(string authorId, AuthorStanding standing)
    {
        using var scope = system.Review.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AuthorStandings>()
            .SetAsync(DistributedSystem.SiteId, authorId, standing, days: null, "it-moderator", note: null, CancellationToken.None);
        await Eventually.MatchesAsync(
            () => system.Workers[0].Services.GetRequiredService<IAuthorStandingStore>().GetAsync(DistributedSystem.SiteId, authorId),
            record => record?.Standing == standing,
            $"the workers' store to hold {standing} for {authorId}");
    }

    private async Task<List<string>> OutcomesAsync(string authorId, params string[] bodies)
    {
        var ids = new List<Guid>();
        foreach (var body in bodies)
        {
            ids.Add(await system.Site.SubmitAsync("standing-story", body, authorId, accountAgeDays: 400));
        }

        var outcomes = new List<string>();
        foreach (var id in ids)
        {
            var status = await system.Site.WaitForFinalStatusAsync(id);
            var rules = status!["decision"]!["hits"]!.AsArray().Select(hit => hit!["rule"]!.GetValue<string>());
            outcomes.Add($"{status["status"]!.GetValue<string>()}:{string.Join(',', rules)}");
        }

        return outcomes;
    }

    [Fact]
    public async Task A_ban_set_in_Review_rejects_every_next_comment_on_either_worker_and_clearing_it_lets_them_through()
    {
        var author = $"it-ban-{Guid.NewGuid():N}"[..20];

        await SetAsync(author, AuthorStanding.Banned);
        var banned = await OutcomesAsync(
            author,
            "The turnout figures look right to me.",
            "Thanks for covering the by-election.",
            "Good to see the polling stations listed.",
            "The count finished earlier than expected.");

        await SetAsync(author, AuthorStanding.Normal);
        var cleared = await OutcomesAsync(author, "After the ban: a fair summary of the results.");

        Assert.All(banned, outcome => Assert.Equal("rejected:author.banned", outcome));
        Assert.Equal(["approved:"], cleared);
        var audit = await system.Review.Services.GetRequiredService<IReviewAuditStore>()
            .QueryAsync(new ReviewAuditQuery([DistributedSystem.SiteId], AuthorId: author));
        Assert.Equal([ReviewItemStatus.AuthorCleared, ReviewItemStatus.AuthorBanned], audit.Items.Select(entry => entry.Outcome));
    }
}
