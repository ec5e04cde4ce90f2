using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Integration.Tests.Infrastructure;
using Moderation.Review.Decisions;
using Moderation.Rules;
using Moderation.Storage.Review;
using Moderation.Testing;

namespace Moderation.Integration.Tests;

/// <summary>
/// Reader reports reach the workers through RabbitMQ (Ingestion, then Publishing with the published comment), and a
/// worker decides the comment again with the count, so a site's <c>reports_at_least</c> rules act: a flag puts the
/// published comment before a moderator, a reject takes it down, and the comment's status says so; a moderator's
/// decision is never overridden.
/// </summary>
[Collection(DistributedCollection.Name)]
public sealed class ReportRedecisionTests(DistributedSystem system)
{
    private const string Rules = """
        description: Reported comments about preserves are held at one report and taken down at two.
        rules:
          - { id: reports.hold-quince, kind: terms, category: community, severity: medium, action: flag, terms: [quince], when: { reports_at_least: 1 } }
          - { id: reports.hide-marmalade, kind: terms, category: community, severity: high, action: reject, terms: [marmalade], when: { reports_at_least: 2 } }
          - { id: site.hold-damson, kind: terms, category: community, severity: low, action: flag, terms: [damson] }
        """;

    [Fact]
    public async Task Reports_decide_a_published_comment_again_and_a_moderators_decision_stands()
    {
        var file = Path.Combine(system.RulesDirectory, "sites", $"{DistributedSystem.RulesSiteId}.yaml");
        var previous = File.Exists(file) ? await File.ReadAllTextAsync(file) : null;
        try
        {
            await File.WriteAllTextAsync(file, previous is null ? Rules : Rules + "\n" + string.Join('\n', previous.Split('\n').SkipWhile(line => !line.StartsWith("rules:", StringComparison.Ordinal)).Skip(1)));
            await Eventually.MatchesAsync(
                () => Task.FromResult(system.Workers.All(worker =>
                    worker.Services.GetRequiredService<IRuleSetProvider>().ForSite(DistributedSystem.RulesSiteId).Rules.Any(rule => rule.Id == "reports.hide-marmalade"))),
                loaded => loaded,
                "every worker to load the reports rules",
                TimeSpan.FromSeconds(10));
            await RunAsync();
        }
        finally
        {
            if (previous is null)
            {
                File.Delete(file);
            }
            else
            {
                await File.WriteAllTextAsync(file, previous);
            }
        }
    }

    private async Task RunAsync()
    {
        var site = system.RulesSite;
        const string article = "preserves-fair";
        var marmalade = await site.SubmitAsync(article, "The marmalade stall sold out by noon.", "jam-1");
        var quince = await site.SubmitAsync(article, "Quince jelly needs a long simmer.", "jam-2");
        var plain = await site.SubmitAsync(article, "Lovely photos of the judging tent.", "jam-3");
        var damson = await site.SubmitAsync(article, "Damson gin is a winter treat.", "jam-4");
        foreach (var id in new[] { marmalade, quince, plain })
        {
            Assert.Equal("approved", (await site.WaitForFinalStatusAsync(id))!["status"]!.GetValue<string>());
        }

        Assert.Equal("flagged", (await site.WaitForFinalStatusAsync(damson))!["status"]!.GetValue<string>());
        await Eventually.MatchesAsync(() => VisibleAsync(site, article), ids => ids.Contains(marmalade) && ids.Contains(quince) && ids.Contains(plain), "the three approved comments on the article");

        // One report: the quince comment is held for a moderator (still shown), the marmalade one stays (its rule wants two).
        await ReportAsync(site, quince, "reader-1");
        await ReportAsync(site, marmalade, "reader-1");
        await ReportAsync(site, plain, "reader-1");
        var queue = system.Review.Services.GetRequiredService<IReviewQueueStore>();
        var held = await Eventually.MatchesAsync(() => queue.GetAsync(quince), item => item is not null, "the reported quince comment in the review queue");
        Assert.Equal(ReviewItemStatus.Pending, held!.Status);
        Assert.Contains(held.Decision.Hits, hit => hit.Rule == "reports.hold-quince");

        // Two reports (the same reader twice counts once): the marmalade comment is taken down; redelivering the
        // report (a client retry publishes it again) changes nothing.
        await ReportAsync(site, marmalade, "reader-1");
        Assert.Contains(marmalade, await VisibleAsync(site, article));
        await ReportAsync(site, marmalade, "reader-2");
        await Eventually.MatchesAsync(() => VisibleAsync(site, article), ids => !ids.Contains(marmalade), "the marmalade comment to be taken down");
        await ReportAsync(site, marmalade, "reader-2");

        // A moderator approves the damson comment the rules held; reports on it never take it down again, and the
        // plain comment, which no reports rule names, stays.
        using (var scope = system.Review.Services.CreateScope())
        {
            var item = await Eventually.MatchesAsync(() => queue.GetAsync(damson), found => found is not null, "the damson comment in the queue");
            var result = await scope.ServiceProvider.GetRequiredService<ReviewDecider>()
                .DecideAsync(item!, "it-moderator", approve: true, reason: null, note: null, CancellationToken.None);
            Assert.Equal(DecisionResult.Decided, result);
        }

        await Eventually.MatchesAsync(() => VisibleAsync(site, article), ids => ids.Contains(damson), "the approved damson comment on the article");
        await ReportAsync(site, plain, "reader-2");
        await ReportAsync(site, damson, "reader-1");
        await ReportAsync(site, damson, "reader-2");
        await ReportAsync(site, quince, "reader-2");

        // Let the reports go through both workers before judging what stayed.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var visible = await VisibleAsync(site, article);
        Assert.Contains(damson, visible);
        Assert.Contains(plain, visible);
        Assert.Contains(quince, visible); // held for a moderator, not taken down
        Assert.DoesNotContain(marmalade, visible);
        Assert.Equal(ReviewItemStatus.Approved, (await queue.GetAsync(damson))!.Status);
        Assert.Null(await queue.GetAsync(plain));

        // The status says what the reports did: the held comment is flagged, the taken-down one rejected (by the rules,
        // with the reports rule's hit); the moderator's approval and the untouched comment stay approved.
        var quinceStatus = await site.GetStatusAsync(quince);
        Assert.Equal("flagged", quinceStatus!["status"]!.GetValue<string>());
        Assert.Contains(quinceStatus["decision"]!["hits"]!.AsArray(), hit => hit!["rule"]!.GetValue<string>() == "reports.hold-quince");
        var marmaladeStatus = await site.GetStatusAsync(marmalade);
        Assert.Equal("rejected", marmaladeStatus!["status"]!.GetValue<string>());
        Assert.Equal("reject", marmaladeStatus["decision"]!["outcome"]!.GetValue<string>());
        Assert.Equal("approved", (await site.GetStatusAsync(damson))!["status"]!.GetValue<string>());
        Assert.Equal("approved", (await site.GetStatusAsync(plain))!["status"]!.GetValue<string>());
    }

    private static async Task ReportAsync(SiteApiClient site, Guid commentId, string reporterId)
    {
        using var response = await site.SubmitHttp.PostAsJsonAsync(
            $"/v1/comments/{commentId}/reports", new { reporterId, reason = "abuse" });
        Assert.True(response.StatusCode == HttpStatusCode.Accepted || response.StatusCode == HttpStatusCode.OK,
            $"report answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<HashSet<Guid>> VisibleAsync(SiteApiClient site, string article)
    {
        var page = await site.ListAsync(article, "?limit=100");
        return [.. page["items"]!.AsArray().Select(item => item!["id"]!.GetValue<Guid>())];
    }
}
