using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moderation.Contracts;
using Moderation.Rules.Hosting;
using Moderation.Rules.RuleSets;

namespace Moderation.Rules.Tests.Hosting;

public sealed class FileRuleSetProviderTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private const string WidgetRule = "rules:\n  - { id: site.words, kind: terms, category: spam, action: reject, terms: [widget] }\n";
    private const string GadgetRule = "rules:\n  - { id: site.words, kind: terms, category: spam, action: reject, terms: [gadget] }\n";

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

    private static DecisionOutcome Outcome(IRuleSetProvider provider, string site, string text) =>
        new ModerationEngine().Decide(TestRuleSets.Comment(text), provider.ForSite(site), []).Outcome;

    [Fact]
    public void Unknown_site_and_no_folder_get_the_default_pack()
    {
        using var provider = new FileRuleSetProvider(new RulesOptions(), TimeProvider.System, new ListLogger());
        Assert.Same(RuleSetLoader.Default, provider.ForSite("nobody"));
    }

    [Fact]
    public async Task Reloads_changed_and_added_files_and_keeps_the_last_good_one_on_errors()
    {
        using var folder = new TempFolder();
        var siteFile = folder.Write("sites/news.yaml", WidgetRule);
        var logger = new ListLogger();
        using var provider = new FileRuleSetProvider(new RulesOptions { Directory = folder.Path, PollIntervalSeconds = 1 }, TimeProvider.System, logger);

        Assert.Equal(DecisionOutcome.Reject, Outcome(provider, "news", "a widget"));

        File.WriteAllText(siteFile, GadgetRule);
        Assert.True(await Eventually(() => Outcome(provider, "news", "a gadget") == DecisionOutcome.Reject), "change not picked up");

        var versionBefore = provider.ForSite("news").Version;
        File.WriteAllText(siteFile, "rules:\n  - id: site.words\n    kind: terms\n    category: spam\n    weight: lots\n    terms: [x]\n");
        Assert.True(await Eventually(() => logger.Messages.Any(m => m.Contains("news.yaml line 5, rule site.words"))), "refusal not logged");
        Assert.Equal(versionBefore, provider.ForSite("news").Version);

        folder.Write("sites/blog.yaml", WidgetRule);
        Assert.True(await Eventually(() => Outcome(provider, "blog", "a widget") == DecisionOutcome.Reject), "added file not picked up");
    }

    [Fact]
    public async Task Poll_on_the_injected_time_provider_catches_changes_without_watcher_events()
    {
        using var folder = new TempFolder();
        var siteFile = folder.Write("sites/news.yaml", WidgetRule);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var provider = new FileRuleSetProvider(new RulesOptions { Directory = folder.Path, PollIntervalSeconds = 2 }, time, new ListLogger());

        File.WriteAllText(siteFile, GadgetRule);
        Assert.True(await Eventually(() =>
        {
            time.Advance(TimeSpan.FromSeconds(2));
            return Outcome(provider, "news", "a gadget") == DecisionOutcome.Reject;
        }));
    }

    [Fact]
    public void AddModerationRules_registers_engine_and_provider_and_validates_options()
    {
        using var folder = new TempFolder();
        folder.Write("sites/news.yaml", WidgetRule);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Rules:Directory"] = folder.Path })
            .Build();
        using var services = new ServiceCollection().AddModerationRules(configuration).BuildServiceProvider();

        Assert.NotNull(services.GetRequiredService<ModerationEngine>());
        Assert.Equal(DecisionOutcome.Reject, Outcome(services.GetRequiredService<IRuleSetProvider>(), "news", "widget"));

        var missing = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Rules:Directory"] = "/no/such/folder" })
            .Build();
        using var bad = new ServiceCollection().AddModerationRules(missing).BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => bad.GetRequiredService<IOptions<RulesOptions>>().Value);
        Assert.Contains("Rules:Directory", error.Message);
    }

    private sealed class ListLogger : ILogger<FileRuleSetProvider>
    {
        private readonly List<string> _messages = [];

        public IReadOnlyList<string> Messages
        {
            get
            {
                lock (_messages)
                {
                    return [.. _messages];
                }
            }
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_messages)
            {
                _messages.Add(formatter(state, exception));
            }
        }
    }
}
