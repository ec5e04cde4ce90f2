using Microsoft.AspNetCore.Http.HttpResults;
using Moderation.Review.Api.Models;
using Moderation.Review.Auth;
using Moderation.Review.Decisions;
using Moderation.Review.Sites;
using Moderation.ServiceDefaults.Sites;
using Moderation.Storage.Review;

namespace Moderation.Review.Api;

/// <summary>
/// The article view: an article's comments known to Review (published ones included), newest first, and taking down a
/// published one. Anything of a site the user may not review is 404.
/// </summary>
public static class ArticleEndpoints
{
    public const int MaxLimit = 200;
    public const int MaxOffset = 100_000;

    public static void MapArticleEndpoints(this RouteGroupBuilder review)
    {
        review.MapGet("/sites/{siteId}/articles/{articleId}", GetArticleAsync);
        review.MapPost("/comments/{id:guid}/takedown", TakeDownAsync);
    }

    private static async Task<Results<Ok<ArticleViewResponse>, NotFound, ValidationProblem>> GetArticleAsync(
        string siteId, string articleId, HttpContext http, IReviewCommentLogStore comments, int? offset, int? limit)
    {
        if (!http.User.CanReview(siteId))
        {
            return TypedResults.NotFound();
        }

        var errors = new Dictionary<string, string[]>();
        if (!SiteIds.IsValid(articleId))
        {
            errors["articleId"] = [$"An article id must match {SiteIds.Shape}."];
        }

        if (offset is < 0 or > MaxOffset)
        {
            errors["offset"] = [$"offset is 0-{MaxOffset}."];
        }

        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"limit is 1-{MaxLimit}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (from, size) = (offset ?? 0, limit ?? 50);
        var article = await comments.GetArticleAsync(siteId, articleId, http.RequestAborted);
        var page = await comments.PageByArticleAsync(siteId, articleId, from, size + 1, http.RequestAborted);
        return TypedResults.Ok(new ArticleViewResponse(
            ArticleSummary.From(siteId, articleId, article), [.. page.Take(size)], from, page.Count > size ? from + size : null));
    }

    /// <summary>Takes down a published comment: 409 when it is not published (any more) or another moderator holds it.</summary>
    private static async Task<Results<Ok<TakedownResponse>, NotFound, ProblemHttpResult, ValidationProblem>> TakeDownAsync(
        Guid id, DecisionRequest? request, HttpContext http, IReviewCommentLogStore comments, ReviewDecider decider, SiteReviewSettings settings)
    {
        var published = await comments.GetAsync(id, http.RequestAborted);
        if (published is null || !http.User.CanReview(published.SiteId))
        {
            return TypedResults.NotFound();
        }

        if (ItemEndpoints.Validate(request, settings.ReasonsFor(published.SiteId)) is { } invalid)
        {
            return invalid;
        }

        var (result, sequence) = await decider.TakeDownAsync(
            published, http.User.Username(), request!.Reason!, request.Note, request.Message, http.RequestAborted);
        return result switch
        {
            DecisionResult.Decided => TypedResults.Ok(new TakedownResponse(id, "rejected", sequence)),
            DecisionResult.LeasedByOther => Conflict("Another moderator is working on this comment."),
            DecisionResult.NotPublished => Conflict("This comment is not published."),
            DecisionResult.PreviousUnsent => TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "The last decision is still being sent; try again shortly."),
            _ => Conflict("This comment was decided by another moderator since; reload it."),
        };
    }

    private static ProblemHttpResult Conflict(string title) => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title);
}
