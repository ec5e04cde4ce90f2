using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Moderation.ServiceDefaults.Sites;
using Moderation.Storage.Stats;

namespace Moderation.Ingestion.Stats;

/// <summary><c>GET /v1/sites/{siteId}/stats?from=&amp;to=&amp;by=day|article</c>: a site's counts, for its own reports and vendor bills.</summary>
public static class SiteStatsEndpoint
{
    /// <summary>The widest range one request may count.</summary>
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(366);

    public static async Task<Results<Ok<SiteStatsResponse>, NotFound, ValidationProblem>> HandleAsync(
        string siteId, HttpContext http, ISiteStatsStore stats, TimeProvider clock, string? from, string? to, string? by,
        CancellationToken cancellationToken)
    {
        if (!http.User.CanAccessSite(siteId))
        {
            return TypedResults.NotFound();
        }

        var errors = new Dictionary<string, string[]>();
        var end = Parse(to, "to", errors) ?? clock.GetUtcNow();
        var start = Parse(from, "from", errors) ?? end - TimeSpan.FromDays(30);
        StatsGrouping? grouping = by switch
        {
            null or "" or "day" => StatsGrouping.Day,
            "article" => StatsGrouping.Article,
            _ => null,
        };
        if (grouping is null)
        {
            errors["by"] = ["by is 'day' or 'article'."];
        }

        if (errors.Count == 0 && (start >= end || end - start > MaxRange))
        {
            errors["from"] = [$"from must be before to, and at most {MaxRange.TotalDays} days before it."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var rows = await stats.CountAsync(siteId, start, end, grouping!.Value, cancellationToken);
        var total = new StatsRow(
            "total", rows.Sum(r => r.Submitted), rows.Sum(r => r.Approved), rows.Sum(r => r.Flagged), rows.Sum(r => r.Rejected),
            rows.Sum(r => r.Reported), rows.Sum(r => r.Decided));
        return TypedResults.Ok(new SiteStatsResponse(siteId, start, end, grouping.Value == StatsGrouping.Day ? "day" : "article", rows, total));
    }

    private static DateTimeOffset? Parse(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return parsed;
        }

        errors[name] = [$"{name} is a date or time, e.g. 2026-12-01 or 2026-12-01T00:00:00Z."];
        return null;
    }
}
