using Moderation.Ingestion.Articles;
using Moderation.ServiceDefaults.Sites;
using Moderation.Storage.Articles;

namespace Moderation.Api.Tests;

/// <summary>Which mode an article is in, at times the tests choose: editor, schedule in the site's time zone, surge.</summary>
public sealed class ArticleModesTests
{
    private static readonly DateTimeOffset Noon = new(2026, 7, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly ArticleState Fresh = new("site", "article");

    private static SiteOptions Nightly(string zone = "Europe/Berlin") => new()
    {
        ApiKeys = ["site-key-0001"],
        Schedule = new ScheduleOptions { TimeZone = zone, PremoderateFrom = TimeSpan.FromHours(22), PremoderateTo = TimeSpan.FromHours(7) },
    };

    [Fact]
    public void Without_anything_set_an_article_is_normal() =>
        Assert.Equal(new EffectiveMode(ArticleMode.Normal, "default"), ArticleModes.At(Fresh, null, Noon));

    [Theory]
    [InlineData("2026-07-01T19:59:00Z", "normal")] // 21:59 in Berlin (UTC+2 in summer)
    [InlineData("2026-07-01T20:00:00Z", "premoderate")] // 22:00
    [InlineData("2026-07-02T03:00:00Z", "premoderate")] // 05:00, across midnight
    [InlineData("2026-07-02T04:59:59Z", "premoderate")] // 06:59:59
    [InlineData("2026-07-02T05:00:00Z", "normal")] // 07:00
    [InlineData("2026-12-01T21:00:00Z", "premoderate")] // 22:00 in winter (UTC+1)
    [InlineData("2026-12-01T20:59:00Z", "normal")]
    public void The_nightly_window_follows_the_sites_time_zone_and_runs_across_midnight(string utc, string expected)
    {
        var mode = ArticleModes.At(Fresh, Nightly(), DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, mode.ModeName);
        Assert.Equal(expected == "normal" ? "default" : "schedule", mode.Reason);
    }

    [Fact]
    public void An_article_closes_the_set_time_after_its_first_comment()
    {
        var site = new SiteOptions { ApiKeys = ["site-key-0001"], Schedule = { CloseAfterFirstComment = TimeSpan.FromHours(72) } };
        var state = Fresh with { FirstCommentAt = Noon };

        Assert.Equal(ArticleMode.Normal, ArticleModes.At(state, site, Noon.AddHours(72).AddSeconds(-1)).Mode);
        Assert.Equal(new EffectiveMode(ArticleMode.Closed, "schedule"), ArticleModes.At(state, site, Noon.AddHours(72)));
        Assert.Equal(ArticleMode.Normal, ArticleModes.At(Fresh, site, Noon.AddDays(30)).Mode);
    }

    [Fact]
    public void A_surge_holds_until_its_end_and_the_editor_wins_over_everything()
    {
        var surging = Fresh with { SurgeUntil = Noon.AddMinutes(10) };
        Assert.Equal(new EffectiveMode(ArticleMode.Premoderate, "surge", Noon.AddMinutes(10)), ArticleModes.At(surging, null, Noon));
        Assert.Equal(ArticleMode.Normal, ArticleModes.At(surging, null, Noon.AddMinutes(10)).Mode);

        var night = DateTimeOffset.Parse("2026-07-01T21:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(new EffectiveMode(ArticleMode.Normal, "editor"), ArticleModes.At(surging with { EditorMode = ArticleMode.Normal }, Nightly(), night));
        Assert.Equal(new EffectiveMode(ArticleMode.Closed, "editor"), ArticleModes.At(Fresh with { EditorMode = ArticleMode.Closed }, null, Noon));
    }

    [Fact]
    public void A_schedule_with_an_unknown_time_zone_or_half_a_window_is_refused_naming_the_setting()
    {
        var sites = new SitesOptions
        {
            ["night"] = new SiteOptions
            {
                ApiKeys = ["night-key-0001"],
                Schedule = { TimeZone = "Mars/Olympus", PremoderateFrom = TimeSpan.FromHours(22) },
            },
        };

        var errors = sites.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(sites)).Select(e => e.ErrorMessage).ToList();

        Assert.Contains(errors, e => e!.Contains("Sites:night:Schedule:TimeZone", StringComparison.Ordinal));
        Assert.Contains(errors, e => e!.Contains("PremoderateFrom and PremoderateTo", StringComparison.Ordinal));
    }
}
