using Microsoft.Extensions.DependencyInjection;
using Moderation.Integration.Tests.Infrastructure;
using Moderation.Rules;
using Moderation.Testing;

namespace Moderation.Integration.Tests;

[Collection(DistributedCollection.Name)]
public sealed class RulesReloadTests(DistributedSystem system)
{
    [Fact]
    public async Task A_changed_site_ruleset_decides_the_next_comment_without_a_restart()
    {
        var site = system.RulesSite;
        const string body = "Our bakery's sourdough is the best in town.";
        var before = (await site.WaitForFinalStatusAsync(await site.SubmitAsync("bakery", body, "baker-1")))!;
        Assert.Equal("approved", before["status"]!.GetValue<string>());
        var oldVersion = before["decision"]!["rulesetVersion"]!.GetValue<string>();

        var written = System.Diagnostics.Stopwatch.StartNew();
        await File.WriteAllTextAsync(
            Path.Combine(system.RulesDirectory, "sites", $"{DistributedSystem.RulesSiteId}.yaml"),
            """
            description: This site does not want bread advertised.
            rules:
              - id: site.no-bread-ads
                kind: terms
                category: spam
                severity: high
                action: reject
                terms:
                  - sourdough
            """);

        // Every running worker picks the file up by itself (the provider watches the folder).
        await Eventually.MatchesAsync(
            () => Task.FromResult(system.Workers.All(worker =>
                worker.Services.GetRequiredService<IRuleSetProvider>().ForSite(DistributedSystem.RulesSiteId).Version != oldVersion)),
            reloaded => reloaded,
            "every worker to load the new ruleset",
            TimeSpan.FromSeconds(10));
        Console.WriteLine($"ruleset reload: every worker had the new version {written.ElapsedMilliseconds} ms after the file was written");

        var after = (await site.WaitForFinalStatusAsync(await site.SubmitAsync("bakery", body, "baker-2")))!;
        Assert.Equal("rejected", after["status"]!.GetValue<string>());
        Assert.NotEqual(oldVersion, after["decision"]!["rulesetVersion"]!.GetValue<string>());
        var hit = Assert.Single(after["decision"]!["hits"]!.AsArray(), hit => hit!["rule"]!.GetValue<string>() == "site.no-bread-ads");
        Assert.Equal(body.IndexOf("sourdough", StringComparison.Ordinal), hit!["start"]!.GetValue<int>());
    }
}
