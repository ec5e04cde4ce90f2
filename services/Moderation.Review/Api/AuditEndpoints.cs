using Microsoft.AspNetCore.Http.HttpResults;
using Moderation.Review.Api.Models;
using Moderation.Review.Auth;
using Moderation.Review.Queue;
using Moderation.Storage.Review;

namespace Moderation.Review.Api;

/// <summary>The audit log of the sites the user may review, newest first.</summary>
public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this RouteGroupBuilder review) => review.MapGet("/audit", QueryAsync);

    private static async Task<Results<Ok<AuditPageResponse>, NotFound, ValidationProblem>> QueryAsync(
        HttpContext http, ReviewSites sites, IReviewAuditStore audit,
        string? site, string? moderator, DateTimeOffset? from, DateTimeOffset? to, int? limit, string? before)
    {
        if (site is not null && !http.User.CanReview(site))
        {
            return TypedResults.NotFound();
        }

        var errors = new Dictionary<string, string[]>();
        if (limit is < 1 or > ReviewAuditQuery.MaxLimit)
        {
            errors["limit"] = [$"limit is 1-{ReviewAuditQuery.MaxLimit}."];
        }

        ReviewAuditCursor? cursor = null;
        if (before is not null && !ReviewAuditCursor.TryParse(before, out cursor))
        {
            errors["before"] = ["before is the 'next' value of a previous page."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var page = await audit.QueryAsync(
            new ReviewAuditQuery(
                site is null ? sites.For(http.User) : [site],
                string.IsNullOrWhiteSpace(moderator) ? null : ModeratorNames.Normalize(moderator),
                from, to, limit ?? 50, cursor),
            http.RequestAborted);
        return TypedResults.Ok(new AuditPageResponse(page.Items, page.Next?.ToString()));
    }
}
