using System.Net;
using Moderation.Contracts;
using Moderation.Review.Tests.Infrastructure;

namespace Moderation.Review.Tests.Api;

/// <summary>
/// Moderator activity, service level and rule quality (GET sites/{id}/activity and rule-quality) computed from real
/// decisions through the API, on each store provider (<see cref="SqliteDeskReportTests"/>, <see cref="MongoDeskReportTests"/>).
/// </summary>
public abstract class DeskReportTests(ReviewHost host)
{
    private const string Site = "api-desk-stats";

    /// <summary>Skips (or, under CI, fails) when the provider has nothing to run on.</summary>
    protected virtual void RequireHost()
    {
    }

    private static RuleHit Hit(string rule, string category, string body, string match) =>
        new(rule, category, "low", body.IndexOf(match, StringComparison.Ordinal), match.Length, match);

    [SkippableFact]
    public async Task Activity_service_level_disagreement_and_rule_quality_say_what_the_moderators_did()
    {
        RequireHost();
        var article = $"desk-{Guid.NewGuid():N}"[..16];
        var submitted = DateTimeOffset.UtcNow.AddMinutes(-10);
        var links = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var body = $"See https://example.org/desk/{i}";
            links.Add(await host.QueueOneAsync(Site, article, body, new CommentAuthor($"linker-{i}", $"Linker {i}"), [Hit("link.any", "link", body, "https://")], submitted));
        }

        var insults = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            var body = $"What an idiot, number {i}";
            insults.Add(await host.QueueOneAsync(Site, article, body, new CommentAuthor($"insulter-{i}", $"Insulter {i}"), [Hit("insult.person", "insult", body, "idiot")], submitted));
        }

        var annName = await host.CreateModeratorAsync("desk-ann", Site);
        var bobName = await host.CreateModeratorAsync("desk-bob", Site);
        using var ann = await host.SignInAsync(annName);
        using var bob = await host.SignInAsync(bobName);
        foreach (var id in links.Take(3))
        {
            await ann.PostJsonAsync($"/v1/review/items/{id}/approve", new { });
        }

        await ann.PostJsonAsync($"/v1/review/items/{links[3]}/reject", new { reason = "spam" });
        foreach (var id in insults)
        {
            await ann.PostJsonAsync($"/v1/review/items/{id}/reject", new { reason = "abuse" });
        }

        // Bob disagrees with one of Ann's approvals and takes it down; links[4] still waits.
        await bob.PostJsonAsync($"/v1/review/items/{links[0]}/redecide", new { action = "reject", expectedSequence = 1, reason = "spam" });

        var activity = await ann.GetJsonAsync($"/v1/review/sites/{Site}/activity?days=7");
        var moderators = activity["moderators"]!.AsArray();
        var annRow = moderators.Single(m => m!["moderator"]!.GetValue<string>() == annName)!;
        Assert.Equal(6, annRow["decisions"]!.GetValue<int>());
        Assert.Equal(Math.Round(6 / 7.0, 2), annRow["decisionsPerDay"]!.GetValue<double>());
        Assert.InRange(annRow["medianSecondsToDecision"]!.GetValue<double>(), 590, 1800);
        var bobRow = moderators.Single(m => m!["moderator"]!.GetValue<string>() == bobName)!;
        Assert.Equal(1, bobRow["decisions"]!.GetValue<int>());
        Assert.Null(bobRow["medianSecondsToDecision"]); // Bob made no first decision

        var flagged = activity["queues"]!.AsArray().Single(q => q!["queue"]!.GetValue<string>() == "flagged")!;
        Assert.Equal(6, flagged["decided"]!.GetValue<int>());
        Assert.InRange(flagged["p50Seconds"]!.GetValue<double>(), 590, 1800);
        Assert.InRange(flagged["p90Seconds"]!.GetValue<double>(), flagged["p50Seconds"]!.GetValue<double>(), 1800);
        Assert.Equal(1, activity["pending"]!["pending"]!.GetValue<long>());
        Assert.InRange(activity["pending"]!["oldestWaitingSeconds"]!.GetValue<long>(), 590, 1800);
        var disagreements = activity["disagreements"]!;
        Assert.Equal(1, disagreements["commentsDecidedByTwo"]!.GetValue<int>());
        Assert.Equal(1, disagreements["disagreed"]!.GetValue<int>());
        Assert.Equal("linker-0", disagreements["authors"]![0]!["authorId"]!.GetValue<string>());

        // link.any held 4 decided comments; moderators approved 2 of them in the end (the one Bob took down counts as upheld).
        var quality = await ann.GetJsonAsync($"/v1/review/sites/{Site}/rule-quality");
        Assert.Equal([7, 30], quality["windows"]!.AsArray().Select(w => w!["days"]!.GetValue<int>()));
        foreach (var window in quality["windows"]!.AsArray())
        {
            var rules = window!["rules"]!.AsArray();
            Assert.Equal(["link.any", "insult.person"], rules.Select(r => r!["rule"]!.GetValue<string>()));
            var link = rules[0]!;
            Assert.Equal(4, link["decided"]!.GetValue<int>());
            Assert.Equal(2, link["overturned"]!.GetValue<int>());
            Assert.Equal(2, link["upheld"]!.GetValue<int>());
            Assert.Equal(0.5, link["overturnRate"]!.GetValue<double>());
            Assert.Equal(1, link["waiting"]!.GetValue<long>());
            Assert.Equal(
                new[] { links[1], links[2] }.ToHashSet(),
                link["overturnedComments"]!.AsArray().Select(c => c!["id"]!.GetValue<Guid>()).ToHashSet());
            Assert.Equal(0, rules[1]!["overturned"]!.GetValue<int>());
            Assert.Equal(2, rules[1]!["upheld"]!.GetValue<int>());
        }

        Assert.Equal(400, await ann.GetStatusAsync($"/v1/review/sites/{Site}/activity?days=31"));
        var outsider = await host.CreateModeratorAsync("desk-out", "api-b");
        using var other = await host.SignInAsync(outsider);
        Assert.Equal(404, await other.GetStatusAsync($"/v1/review/sites/{Site}/activity"));
        Assert.Equal(404, await other.GetStatusAsync($"/v1/review/sites/{Site}/rule-quality"));
    }
}
