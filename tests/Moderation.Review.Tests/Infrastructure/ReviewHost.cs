using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Testing;

namespace Moderation.Review.Tests.Infrastructure;

/// <summary>
/// The composed host as <c>dotnet run</c> starts it (in-memory bus, SQLite temp file) with a bootstrap admin and
/// one site per scenario, so scenarios never see each other's queue.
/// </summary>
public class ReviewHost : IAsyncLifetime
{
    public const string AdminUsername = "chief";
    public const string AdminPassword = "chief-password-0001";
    public const string Password = "moderator-password-0001";
    public const int AddressFailuresPerMinute = 10;

    public static readonly string[] SiteIds = ["api-a", "api-b", "browser-flow", "browser-lease", "browser-safe", "browser-live", "browser-session", "browser-scale", "browser-text", "api-counts", "api-desk", "browser-filters", "api-authors", "browser-author", "api-bulk", ReportsSite, DecidedSite, ClosedUndoSite, "browser-decided", "api-desk-stats", "browser-desk", "browser-leases", "browser-audit", ArticlesSite, "browser-article", "api-rule-ids"];

    /// <summary>The site whose desk has its own reason presets (Sites:api-desk:Review:Reasons).</summary>
    public const string DeskSite = "api-desk";

    /// <summary>A site whose reports thresholds are 2 (reported view) and 3 (hidden).</summary>
    public const string ReportsSite = "api-reports";

    /// <summary>The site of the decided queue's tests (the default undo window).</summary>
    public const string DecidedSite = "api-decided";

    /// <summary>A site whose undo window is zero: nothing can be undone, an approved comment can still be taken down.</summary>
    public const string ClosedUndoSite = "api-undo-closed";

    /// <summary>The site of the article context and article view tests.</summary>
    public const string ArticlesSite = "api-articles";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"moderation-review-{Guid.NewGuid():N}");

    public RunningService Host { get; private set; } = null!;

    public static string ApiKey(string siteId) => $"{siteId}-key-0001";

    public SiteApiClient Site(string siteId) => new(Host.CreateClient(ApiKey(siteId)), Host.CreateClient(ApiKey(siteId)), siteId);

    /// <summary>Settings a variant adds or changes (the store provider); null skips starting (nothing to run on).</summary>
    protected virtual Dictionary<string, string?>? Configure(Dictionary<string, string?> settings) => settings;

    /// <summary>False when <see cref="Configure"/> said there is nothing to run on; tests then skip.</summary>
    public bool IsRunning { get; private set; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Sqlite:Path"] = Path.Combine(_folder, "moderation.db"),
            ["Review:BootstrapAdmin:Username"] = AdminUsername,
            ["Review:BootstrapAdmin:Password"] = AdminPassword,
            ["Review:SignInFailuresBeforeBackoff"] = "5",
            ["Review:SignInFailuresPerAddressPerMinute"] = AddressFailuresPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),

            // The tests play the proxy: X-Forwarded-For from loopback names the client.
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var site in SiteIds)
        {
            settings[$"Sites:{site}:ApiKeys:0"] = ApiKey(site);
            settings[$"Sites:{site}:RequestsPerMinute"] = "100000";
        }

        settings[$"Sites:{DeskSite}:Review:Reasons:0:Code"] = "off-brand";
        settings[$"Sites:{DeskSite}:Review:Reasons:0:Label"] = "Not in the spirit of the debate";
        settings[$"Sites:{DeskSite}:Review:Reasons:1:Code"] = "spoiler";
        settings[$"Sites:{DeskSite}:Review:Reasons:1:Label"] = "Spoils the ending";
        settings["Sites:browser-filters:Review:Reasons:0:Code"] = "off-brand";
        settings["Sites:browser-filters:Review:Reasons:0:Label"] = "Not in the spirit of the debate";
        settings["Sites:api-authors:Review:TrustAfterApproved"] = "2";
        settings[$"Sites:{ReportsSite}:Reports:Threshold"] = "2";
        settings[$"Sites:{ReportsSite}:Reports:HideThreshold"] = "3";
        settings[$"Sites:{ClosedUndoSite}:Review:UndoWindow"] = "00:00:00";
        if (Configure(settings) is not { } configured)
        {
            return;
        }

        Host = await RunningService.StartAsync(Moderation.Host.Program.Build, configured);
        Admin = await SignInAsync(AdminUsername, AdminPassword);
        IsRunning = true;
    }

    /// <summary>A console session (cookie + antiforgery token) of the given account.</summary>
    public Task<ConsoleClient> SignInAsync(string username, string password = Password) => ConsoleClient.SignInAsync(Host.Address, username, password);

    /// <summary>The bootstrap admin's session, signed in once (sign-in attempts are rate limited).</summary>
    public ConsoleClient Admin { get; private set; } = null!;

    /// <summary>Creates a moderator of the given sites through the admin API; returns the (unique) username.</summary>
    public async Task<string> CreateModeratorAsync(string prefix, params string[] sites)
    {
        var username = $"{prefix}-{Guid.NewGuid():N}"[..20];
        using var response = await Admin.PostAsync("/v1/review/admin/moderators", new { username, password = Password, role = "moderator", sites });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return username;
    }

    /// <summary>
    /// Submits a comment the default rules flag and waits until the Review queue holds it. The body should carry a
    /// link: the default pack flags links from accounts younger than three days, which the author signals say this is.
    /// </summary>
    public async Task<Guid> SubmitFlaggedAsync(string siteId, string articleId, string body, string authorId = "reader-1", string? parentId = null)
    {
        var site = Site(siteId);
        var comment = new { author = new { id = authorId, name = $"Reader {authorId}" }, body, parentId, authorSignals = new { accountAgeDays = 1 } };
        using var response = await site.PostAsync(articleId, comment);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<IdResponse>())!.Id;
        var status = await site.WaitForFinalStatusAsync(id);
        Assert.True(status?["status"]?.GetValue<string>() == "flagged", $"expected the rules to flag '{body}', got {status}");
        await Eventually.MatchesAsync(() => Admin.GetStatusAsync($"/v1/review/items/{id}"), code => code == 200, $"item {id} in the review queue");
        return id;
    }

    /// <summary>
    /// Puts <paramref name="count"/> flagged comments straight into the real Review queue store, oldest first: how a
    /// test gets thousands waiting in seconds. Each carries a link hit, as the rules would give it.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> QueueManyAsync(string siteId, string articleId, int count, Func<int, string>? authorOf = null)
    {
        var queue = Host.Services.GetRequiredService<Moderation.Storage.Review.IReviewQueueStore>();
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        var ids = new List<Guid>(count);
        for (var i = 0; i < count; i++)
        {
            var id = MassTransit.NewId.NextGuid();
            var author = authorOf?.Invoke(i) ?? $"reader-{i}";
            var body = $"Comment {i} of the pile, see https://example.org/{i}";
            var link = body.IndexOf("https", StringComparison.Ordinal);
            var comment = new Moderation.Contracts.Comment(
                id, siteId, articleId, new Moderation.Contracts.CommentAuthor(author, $"Reader {author}"), body, null, start.AddMilliseconds(i));
            var decision = new Moderation.Contracts.ModerationDecision(
                Moderation.Contracts.DecisionOutcome.Flag, 1, [new("link.any", "link", "low", link, body.Length - link, body[link..])], "test", start.AddMilliseconds(i));
            await queue.AddAsync(new Moderation.Storage.Review.ReviewItem(comment, decision, start.AddMilliseconds(i)));
            ids.Add(id);
        }

        return ids;
    }

    /// <summary>Puts one flagged comment with the given body, author and hits straight into the Review queue store.</summary>
    public async Task<Guid> QueueOneAsync(
        string siteId, string articleId, string body, Moderation.Contracts.CommentAuthor author, IReadOnlyList<Moderation.Contracts.RuleHit> hits, DateTimeOffset? at = null)
    {
        var queue = Host.Services.GetRequiredService<Moderation.Storage.Review.IReviewQueueStore>();
        var id = MassTransit.NewId.NextGuid();
        var now = at ?? DateTimeOffset.UtcNow;
        await queue.AddAsync(new Moderation.Storage.Review.ReviewItem(
            new Moderation.Contracts.Comment(id, siteId, articleId, author, body, null, now),
            new Moderation.Contracts.ModerationDecision(Moderation.Contracts.DecisionOutcome.Flag, hits.Count, hits, "test", now),
            now));
        return id;
    }

    public virtual async Task DisposeAsync()
    {
        Admin?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed record IdResponse(Guid Id);
}
