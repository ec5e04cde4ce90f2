using Microsoft.AspNetCore.Http.HttpResults;
using Moderation.Review.Api.Models;
using Moderation.Review.Auth;
using Moderation.Review.Desk;

namespace Moderation.Review.Api;

/// <summary>How the desk of a site works: moderator activity and service level, and each rule's record.</summary>
public static class DeskEndpoints
{
    public static void MapDeskEndpoints(this RouteGroupBuilder review)
    {
        review.MapGet("/sites/{siteId}/activity", ActivityAsync);
        review.MapGet("/sites/{siteId}/rule-quality", RuleQualityAsync);
    }

    private static async Task<Results<Ok<ActivityReport>, NotFound, ValidationProblem>> ActivityAsync(
        string siteId, HttpContext http, DeskReports reports, int? days)
    {
        if (!http.User.CanReview(siteId))
        {
            return TypedResults.NotFound();
        }

        if (days is < 1 or > DeskReports.MaxDays)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["days"] = [$"days is 1-{DeskReports.MaxDays}."] });
        }

        return TypedResults.Ok(await reports.ActivityAsync(siteId, days ?? 7, http.RequestAborted));
    }

    private static async Task<Results<Ok<RuleQualityReport>, NotFound>> RuleQualityAsync(string siteId, HttpContext http, DeskReports reports) =>
        http.User.CanReview(siteId) ? TypedResults.Ok(await reports.RuleQualityAsync(siteId, http.RequestAborted)) : TypedResults.NotFound();
}
