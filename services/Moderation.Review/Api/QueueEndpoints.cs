using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Moderation.Review.Api.Models;
using Moderation.Review.Auth;
using Moderation.Review.Decisions;
using Moderation.Review.Queue;
using Moderation.Storage.Review;

namespace Moderation.Review.Api;

/// <summary>The queues: counts per site, a filtered listing, and claiming the next item.</summary>
public static class QueueEndpoints
{
    public static void MapQueueEndpoints(this RouteGroupBuilder review)
    {
        review.MapGet("/reasons", () => TypedResults.Ok(RejectReasons.All));
        review.MapGet("/sites", ListSitesAsync);
        review.MapGet("/sites/{siteId}/queue", ListQueueAsync);
        review.MapPost("/sites/{siteId}/claim-next", ClaimNextAsync);
    }

    private static async Task<Ok<List<SiteQueueCount>>> ListSitesAsync(HttpContext http, ReviewSites sites, IReviewQueueStore queue)
    {
        var counts = new List<SiteQueueCount>();
        foreach (var site in sites.For(http.User))
        {
            counts.Add(new SiteQueueCount(site, await queue.CountPendingAsync(site, http.RequestAborted)));
        }

        return TypedResults.Ok(counts);
    }

    private static async Task<Results<Ok<QueueResponse>, NotFound, ValidationProblem>> ListQueueAsync(
        string siteId, HttpContext http, IReviewQueueStore queue, TimeProvider clock,
        string? article, string? category, string? author, string? order, int? limit, int? offset, string? view)
    {
        if (!http.User.CanReview(siteId))
        {
            return TypedResults.NotFound();
        }

        if (offset is < 0 or > ReviewQueueQuery.MaxOffset)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["offset"] = [$"offset is 0-{ReviewQueueQuery.MaxOffset}."] });
        }

        if (!TryQuery(siteId, article, category, author, order, view, limit ?? 100, out var query, out var problem))
        {
            return problem;
        }

        query = query with { Offset = offset ?? 0 };
        var items = await queue.QueryPendingAsync(query, http.RequestAborted);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(new QueueResponse(
            siteId,
            await queue.CountPendingAsync(siteId, http.RequestAborted),
            [.. items.Select(item => QueueItemSummary.From(item, now))],
            items.Count == query.Limit ? query.Offset + items.Count : null));
    }

    private static async Task<Results<Ok<ItemDetail>, NoContent, NotFound, ValidationProblem>> ClaimNextAsync(
        string siteId, HttpContext http, IReviewQueueStore queue, IReviewCommentLogStore comments, IOptions<ReviewOptions> options,
        TimeProvider clock, string? article, string? category, string? author, string? order, string? view)
    {
        if (!http.User.CanReview(siteId))
        {
            return TypedResults.NotFound();
        }

        if (!TryQuery(siteId, article, category, author, order, view, 1, out var query, out var problem))
        {
            return problem;
        }

        var moderator = http.User.Username();
        var item = await queue.ClaimNextAsync(query, moderator, clock.GetUtcNow(), options.Value.LeaseDuration, http.RequestAborted);
        if (item is null)
        {
            return TypedResults.NoContent();
        }

        await queue.ReleaseOthersAsync(moderator, item.Comment.Id, http.RequestAborted);
        return TypedResults.Ok(await ItemDetails.BuildAsync(item, comments, clock, http.RequestAborted));
    }

    private static bool TryQuery(
        string siteId, string? article, string? category, string? author, string? order, string? view, int limit,
        out ReviewQueueQuery query, out ValidationProblem problem)
    {
        query = null!;
        problem = null!;
        ReviewQueueOrder? parsed = order switch
        {
            null or "" or "oldest" => ReviewQueueOrder.OldestFirst,
            "score" or "severity" => ReviewQueueOrder.HighestScoreFirst,
            _ => null,
        };
        // The reported view holds published comments readers reported; the flagged view what the rules held; no view, both.
        bool? reported = view switch
        {
            null or "" or "all" => null,
            "reported" => true,
            "flagged" => false,
            _ => false,
        };
        var errors = new Dictionary<string, string[]>();
        if (view is not (null or "" or "all" or "reported" or "flagged"))
        {
            errors["view"] = ["view is 'all', 'flagged' or 'reported'."];
        }

        if (parsed is null)
        {
            errors["order"] = ["order is 'oldest' or 'score'."];
        }

        if (limit is < 1 or > ReviewQueueQuery.MaxLimit)
        {
            errors["limit"] = [$"limit is 1-{ReviewQueueQuery.MaxLimit}."];
        }

        if (errors.Count > 0)
        {
            problem = TypedResults.ValidationProblem(errors);
            return false;
        }

        query = new ReviewQueueQuery(siteId, Blank(article), Blank(category), Blank(author), parsed!.Value, limit, Reported: reported);
        return true;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
