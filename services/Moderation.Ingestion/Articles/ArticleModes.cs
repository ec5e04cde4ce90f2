using Moderation.ServiceDefaults.Sites;
using Moderation.Storage.Articles;

namespace Moderation.Ingestion.Articles;

/// <summary>
/// Which mode an article is in at a given time. The editor's setting wins; then the site's schedule (closing after the
/// first comment, then the nightly window, in the site's time zone); then a running surge; else normal. A pure function
/// of the state, the site's settings and the time, so tests set the time.
/// </summary>
public static class ArticleModes
{
    public static EffectiveMode At(ArticleState state, SiteOptions? site, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.EditorMode is { } editor)
        {
            return new EffectiveMode(editor, "editor");
        }

        var schedule = site?.Schedule;
        if (schedule?.CloseAfterFirstComment is { } closeAfter && state.FirstCommentAt is { } first && now >= first + closeAfter)
        {
            return new EffectiveMode(ArticleMode.Closed, "schedule");
        }

        if (schedule is { PremoderateFrom: { } from, PremoderateTo: { } to } && InWindow(TimeZoneInfo.ConvertTime(now, schedule.Zone()).TimeOfDay, from, to))
        {
            return new EffectiveMode(ArticleMode.Premoderate, "schedule");
        }

        if (state.SurgeUntil is { } until && until > now)
        {
            return new EffectiveMode(ArticleMode.Premoderate, "surge", until);
        }

        return new EffectiveMode(ArticleMode.Normal, "default");
    }

    public static string Name(ArticleMode mode) => mode switch
    {
        ArticleMode.Premoderate => "premoderate",
        ArticleMode.Closed => "closed",
        _ => "normal",
    };

    public static ArticleMode? Parse(string? name) => name switch
    {
        "normal" => ArticleMode.Normal,
        "premoderate" => ArticleMode.Premoderate,
        "closed" => ArticleMode.Closed,
        _ => null,
    };

    /// <summary>From inclusive, to exclusive; a window whose start is later than its end runs across midnight.</summary>
    private static bool InWindow(TimeSpan time, TimeSpan from, TimeSpan to) =>
        from <= to ? time >= from && time < to : time >= from || time < to;
}
