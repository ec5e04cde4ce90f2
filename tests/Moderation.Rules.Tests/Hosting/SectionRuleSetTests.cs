using Microsoft.Extensions.Logging.Abstractions;
using Moderation.Contracts;
using Moderation.Rules.Hosting;
using Moderation.Rules.RuleSets;

namespace Moderation.Rules.Tests.Hosting;

/// <summary>Rules per section: <c>sites/{siteId}/sections/{section}.yaml</c> over the site's file, read and reloaded like it.</summary>
public sealed class SectionRuleSetTests
{
    // Generous: a change to the site file compiles a hundred sections again, slow on a loaded 2-core CI machine.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private const string SiteRule = "rules:\n  - { id: site.words, kind: terms, category: spam, action: reject, terms: [widget] }\n";
    private const string SportRule = "rules:\n  - { id: section.words, kind: terms, category: spam, action: reject, terms: [gadget] }\n";

    private static FileRuleSetProvider Provider(TempFolder folder) =>
        new(new RulesOptions { Directory = folder.Path, PollIntervalSeconds = 1 }, TimeProvider.System, NullLogger<FileRuleSetProvider>.Instance);

    private static DecisionOutcome Outcome(IRuleSetProvider provider, string site, string? section, string text) =>
        new ModerationEngine().Decide(TestRuleSets.Comment(text), provider.ForSite(site, section), []).Outcome;

    private static async Task<bool> Eventually(Func<bool> condition)
    {
        var until = DateTime.UtcNow + Deadline;
        while (DateTime.UtcNow < until)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return condition();
    }

    [Fact]
    public void A_section_file_layers_over_its_sites_file_and_only_for_that_site_and_section()
    {
        using var folder = new TempFolder();
        folder.Write("sites/news.yaml", SiteRule);
        folder.Write("sites/news/sections/sport.yaml", SportRule);
        using var provider = Provider(folder);

        // The section keeps the site's rules and adds its own.
        Assert.Equal(DecisionOutcome.Reject, Outcome(provider, "news", "sport", "a widget"));
        Assert.Equal(DecisionOutcome.Reject, Outcome(provider, "news", "sport", "a gadget"));
        Assert.NotEqual(provider.ForSite("news").Version, provider.ForSite("news", "sport").Version);

        // Written in another case, it is the same section; the site's other sections and other sites do not get it.
        Assert.Same(provider.ForSite("news", "sport"), provider.ForSite("news", "Sport"));
        Assert.Equal(DecisionOutcome.Approve, Outcome(provider, "news", null, "a gadget"));
        Assert.Same(provider.ForSite("news"), provider.ForSite("news", "politics"));
        Assert.Same(provider.ForSite("news"), provider.ForSite("news", ""));
        Assert.Same(provider.ForSite("blog"), provider.ForSite("blog", "sport"));
        Assert.Equal(DecisionOutcome.Approve, Outcome(provider, "blog", "sport", "a gadget"));
    }

    [Fact]
    public void A_section_can_drop_a_rule_of_its_site_and_needs_no_site_file()
    {
        using var folder = new TempFolder();
        folder.Write("default.yaml", SiteRule);
        folder.Write("sites/news/sections/satire.yaml", "disable: [site.words]\n");
        folder.Write("sites/blog/sections/sport.yaml", SportRule);
        using var provider = Provider(folder);

        Assert.Equal(DecisionOutcome.Reject, Outcome(provider, "news", null, "a widget"));
        Assert.Equal(DecisionOutcome.Approve, Outcome(provider, "news", "satire", "a widget"));
        Assert.Equal(DecisionOutcome.Reject, Outcome(provider, "blog", "sport", "a gadget"));
        Assert.Equal(DecisionOutcome.Reject, Outcome(provider, "blog", "sport", "a widget"));
        Assert.Equal(DecisionOutcome.Approve, Outcome(provider, "blog", null, "a gadget"));
    }

    [Fact]
    public async Task Section_files_reload_keep_the_last_good_version_and_go_when_deleted()
    {
        using var folder = new TempFolder();
        folder.Write("sites/news.yaml", SiteRule);
        var sectionFile = folder.Write("sites/news/sections/sport.yaml", SportRule);
        var siteFile = Path.Combine(folder.Path, "sites", "news.yaml");
        using var provider = Provider(folder);
        Assert.Equal(DecisionOutcome.Reject, Outcome(provider, "news", "sport", "a gadget"));

        File.WriteAllText(sectionFile, SportRule.Replace("gadget", "gizmo", StringComparison.Ordinal));
        Assert.True(await Eventually(() => Outcome(provider, "news", "sport", "a gizmo") == DecisionOutcome.Reject), "change not picked up");
        Assert.Equal(DecisionOutcome.Approve, Outcome(provider, "news", "sport", "a gadget"));

        // A change to the site's file reaches its sections.
        File.WriteAllText(siteFile, SiteRule.Replace("widget", "doohickey", StringComparison.Ordinal));
        Assert.True(await Eventually(() => Outcome(provider, "news", "sport", "a doohickey") == DecisionOutcome.Reject), "site change not in the section");
        Assert.Equal(DecisionOutcome.Reject, Outcome(provider, "news", "sport", "a gizmo"));

        // A broken section file is refused: the last good version stays.
        var goodVersion = provider.ForSite("news", "sport").Version;
        File.WriteAllText(sectionFile, "rules:\n  - { id: section.words, kind: terms, weight: lots, terms: [x] }\n");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(goodVersion, provider.ForSite("news", "sport").Version);

        // Added, then deleted: a new section is picked up, and a deleted one falls back to the site's rules.
        folder.Write("sites/news/sections/politics.yaml", SportRule);
        Assert.True(await Eventually(() => Outcome(provider, "news", "politics", "a gadget") == DecisionOutcome.Reject), "added section not picked up");
        File.Delete(sectionFile);
        Assert.True(await Eventually(() => ReferenceEquals(provider.ForSite("news", "sport"), provider.ForSite("news"))), "deleted section still in force");
    }

    [Fact]
    public async Task With_a_hundred_sections_a_change_compiles_only_the_sections_it_touches()
    {
        using var folder = new TempFolder();
        var siteFile = folder.Write("sites/news.yaml", SiteRule);
        for (var i = 0; i < 100; i++)
        {
            folder.Write($"sites/news/sections/s{i}.yaml", SportRule.Replace("gadget", "gadget" + Letters(i), StringComparison.Ordinal));
        }

        using var provider = Provider(folder);
        Assert.Equal(DecisionOutcome.Reject, Outcome(provider, "news", "s99", "a gadget" + Letters(99)));
        var before = Enumerable.Range(0, 100).Select(i => provider.ForSite("news", $"s{i}")).ToArray();

        // One section changes: it alone is compiled again.
        File.WriteAllText(Path.Combine(folder.Path, "sites/news/sections/s7.yaml"), SportRule.Replace("gadget", "sprocket", StringComparison.Ordinal));
        Assert.True(await Eventually(() => Outcome(provider, "news", "s7", "a sprocket") == DecisionOutcome.Reject), "change not picked up");
        Assert.All(Enumerable.Range(0, 100).Where(i => i != 7), i => Assert.Same(before[i], provider.ForSite("news", $"s{i}")));

        // The site's file changes: every section is compiled again over it.
        File.WriteAllText(siteFile, SiteRule.Replace("widget", "doohickey", StringComparison.Ordinal));
        Assert.True(await Eventually(() => Outcome(provider, "news", "s42", "a doohickey") == DecisionOutcome.Reject), "site change not in the sections");
        Assert.All(Enumerable.Range(0, 100), i => Assert.Equal(DecisionOutcome.Reject, Outcome(provider, "news", $"s{i}", "a doohickey")));
        Assert.Equal(DecisionOutcome.Reject, Outcome(provider, "news", "s42", "a gadget" + Letters(42)));
    }

    private static string Letters(int i) => $"{(char)('a' + (i / 26))}{(char)('a' + (i % 26))}";

    [Fact]
    public void Section_and_site_names_never_build_a_path()
    {
        using var folder = new TempFolder();
        folder.Write("sites/news.yaml", SiteRule);
        folder.Write("sites/news/sections/sport.yaml", SportRule);
        using var provider = Provider(folder);

        foreach (var section in new[] { "../news", "sections/sport", "sport.yaml", "..", "/etc/passwd", "sport/../sport" })
        {
            Assert.Same(provider.ForSite("news"), provider.ForSite("news", section));
        }

        Assert.Null(RuleSetFolderLayout.SectionFile(folder.Path, "news", "../sport"));
        Assert.Null(RuleSetFolderLayout.SectionFile(folder.Path, "../news", "sport"));
        Assert.Equal(
            Path.Combine(folder.Path, "sites", "news", "sections", "sport.yaml"),
            RuleSetFolderLayout.SectionFile(folder.Path, "news", "Sport"));
    }

    [Fact]
    public void Tools_load_a_section_as_the_provider_does()
    {
        using var folder = new TempFolder();
        folder.Write("sites/news.yaml", SiteRule);
        folder.Write("sites/news/sections/sport.yaml", SportRule);
        using var provider = Provider(folder);

        var loaded = RuleSetLoader.LoadPath(folder.Path, "news", "sport");
        Assert.Equal(provider.ForSite("news", "sport").Version, loaded.Version);
        Assert.Equal(provider.ForSite("news").Version, RuleSetLoader.LoadPath(folder.Path, "news", "opinion").Version);
    }
}
