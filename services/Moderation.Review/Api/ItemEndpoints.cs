using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Moderation.Review.Api.Models;
using Moderation.Review.Auth;
using Moderation.Review.Decisions;
using Moderation.Review.Sites;
using Moderation.Storage.Review;

namespace Moderation.Review.Api;

/// <summary>One item: read it, lease it, give it back, decide it. Anything of a site the user may not review is 404.</summary>
public static class ItemEndpoints
{
    public static void MapItemEndpoints(this RouteGroupBuilder review)
    {
        var items = review.MapGroup("/items/{id:guid}");
        items.MapGet("/", GetAsync);
        items.MapPost("/claim", ClaimAsync);
        items.MapPost("/release", ReleaseAsync);
        items.MapPost("/approve", (Guid id, DecisionRequest? request, HttpContext http, IReviewQueueStore queue, ReviewDecider decider, SiteReviewSettings settings) =>
            DecideAsync(id, approve: true, request, http, queue, decider, settings));
        items.MapPost("/reject", (Guid id, DecisionRequest? request, HttpContext http, IReviewQueueStore queue, ReviewDecider decider, SiteReviewSettings settings) =>
            DecideAsync(id, approve: false, request, http, queue, decider, settings));
        items.MapPost("/redecide", RedecideAsync);
        items.MapGet("/author-pending", CountAuthorPendingAsync);
        items.MapPost("/reject-author", RejectAuthorAsync);
    }

    private static async Task<Results<Ok<ItemDetail>, NotFound>> GetAsync(
        Guid id, HttpContext http, IReviewQueueStore queue, IReviewCommentLogStore comments, TimeProvider clock)
    {
        var item = await FindAsync(id, http, queue);
        return item is null ? TypedResults.NotFound() : TypedResults.Ok(await ItemDetails.BuildAsync(item, comments, clock, http.RequestAborted));
    }

    private static async Task<Results<Ok<ItemDetail>, NotFound, ProblemHttpResult>> ClaimAsync(
        Guid id, HttpContext http, IReviewQueueStore queue, IReviewCommentLogStore comments, IOptions<ReviewOptions> options, TimeProvider clock)
    {
        var item = await FindAsync(id, http, queue);
        if (item is null)
        {
            return TypedResults.NotFound();
        }

        var moderator = http.User.Username();
        var claimed = await queue.ClaimAsync(id, moderator, clock.GetUtcNow(), options.Value.LeaseDuration, http.RequestAborted);
        if (claimed is null)
        {
            var current = await queue.GetAsync(id, http.RequestAborted);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: current?.Status == ReviewItemStatus.Pending ? "Another moderator is working on this item." : "This item is already decided.",
                extensions: new Dictionary<string, object?> { ["leasedBy"] = current?.Lease?.Moderator, ["itemStatus"] = current?.Status.ToString().ToLowerInvariant() });
        }

        await queue.ReleaseOthersAsync(moderator, id, http.RequestAborted);
        return TypedResults.Ok(await ItemDetails.BuildAsync(claimed, comments, clock, http.RequestAborted));
    }

    private static async Task<Results<NoContent, NotFound>> ReleaseAsync(Guid id, HttpContext http, IReviewQueueStore queue)
    {
        if (await FindAsync(id, http, queue) is null)
        {
            return TypedResults.NotFound();
        }

        await queue.ReleaseAsync(id, http.User.Username(), http.RequestAborted);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<DecisionResponse>, NotFound, ProblemHttpResult, ValidationProblem>> DecideAsync(
        Guid id, bool approve, DecisionRequest? request, HttpContext http, IReviewQueueStore queue, ReviewDecider decider, SiteReviewSettings settings)
    {
        var item = await FindAsync(id, http, queue);
        if (item is null)
        {
            return TypedResults.NotFound();
        }

        if (Validate(request, approve ? null : settings.ReasonsFor(item.Comment.SiteId)) is { } invalid)
        {
            return invalid;
        }

        var result = await decider.DecideAsync(
            item, http.User.Username(), approve, approve ? null : request!.Reason, request?.Note, http.RequestAborted, request?.Message);
        return result switch
        {
            DecisionResult.Decided => TypedResults.Ok(new DecisionResponse(id, approve ? "approved" : "rejected")),
            DecisionResult.LeasedByOther => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Another moderator is working on this item."),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This item is already decided."),
        };
    }

    /// <summary>Undo, re-decide or take down: a new decision on a decided comment, numbered after the one the moderator saw.</summary>
    private static async Task<Results<Ok<RedecisionResponse>, NotFound, ProblemHttpResult, ValidationProblem>> RedecideAsync(
        Guid id, RedecideRequest? request, HttpContext http, IReviewQueueStore queue, ReviewDecider decider, SiteReviewSettings settings)
    {
        var item = await FindAsync(id, http, queue);
        if (item is null)
        {
            return TypedResults.NotFound();
        }

        var approve = request?.Action == "approve";
        var decision = new DecisionRequest(request?.Reason, request?.Note, request?.Message);
        var errors = Validate(decision, approve ? null : settings.ReasonsFor(item.Comment.SiteId))?.ProblemDetails.Errors
            .ToDictionary(pair => pair.Key, pair => pair.Value) ?? [];
        if (request?.Action is not ("approve" or "reject"))
        {
            errors["action"] = ["action is 'approve' or 'reject'."];
        }

        if (request?.ExpectedSequence is not > 0)
        {
            errors["expectedSequence"] = ["expectedSequence is the sequence of the decision you are replacing (the decided queue gives it)."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var result = await decider.RedecideAsync(
            item, http.User.Username(), approve, approve ? null : decision.Reason, decision.Note, decision.Message,
            request!.ExpectedSequence!.Value, settings.For(item.Comment.SiteId).UndoWindow, http.RequestAborted);
        return result switch
        {
            DecisionResult.Decided => TypedResults.Ok(new RedecisionResponse(id, approve ? "approved" : "rejected", request.ExpectedSequence.Value + 1)),
            DecisionResult.NotDecided => Conflict("This item is not decided yet; approve or reject it."),
            DecisionResult.UndoWindowPassed => Conflict("The undo window of this decision has passed."),
            DecisionResult.PreviousUnsent => TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "The last decision is still being sent; try again shortly."),
            _ => Conflict("Another decision was recorded since; reload it."),
        };
    }

    private static ProblemHttpResult Conflict(string title) => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title);

    private static async Task<Results<Ok<RejectAuthorResponse>, NotFound, ValidationProblem>> RejectAuthorAsync(
        Guid id, DecisionRequest? request, HttpContext http, IReviewQueueStore queue, QueueSweep sweep, SiteReviewSettings settings)
    {
        var item = await FindAsync(id, http, queue);
        if (item is null)
        {
            return TypedResults.NotFound();
        }

        if (Validate(request, settings.ReasonsFor(item.Comment.SiteId)) is { } invalid)
        {
            return invalid;
        }

        var (rejected, skipped) = await sweep.DecideAllAsync(
            new ReviewQueueQuery(item.Comment.SiteId, AuthorId: item.Comment.Author.Id), long.MaxValue, http.User.Username(),
            approve: false, request!.Reason, request.Note, request.Message, http.RequestAborted);
        return TypedResults.Ok(new RejectAuthorResponse(item.Comment.Author.Id, rejected, skipped));
    }

    /// <summary>How many comments of this item's author wait on its site: what "reject all from author" would reject.</summary>
    private static async Task<Results<Ok<AuthorPendingResponse>, NotFound>> CountAuthorPendingAsync(Guid id, HttpContext http, IReviewQueueStore queue)
    {
        var item = await FindAsync(id, http, queue);
        if (item is null)
        {
            return TypedResults.NotFound();
        }

        var count = 0;
        while (true)
        {
            var page = await queue.QueryPendingAsync(
                new ReviewQueueQuery(item.Comment.SiteId, AuthorId: item.Comment.Author.Id, Limit: ReviewQueueQuery.MaxLimit, Offset: count),
                http.RequestAborted);
            count += page.Count;
            if (page.Count < ReviewQueueQuery.MaxLimit || count >= ReviewQueueQuery.MaxOffset)
            {
                return TypedResults.Ok(new AuthorPendingResponse(item.Comment.Author.Id, item.Comment.Author.Name, count));
            }
        }
    }

    /// <summary>The item, or null when it does not exist or belongs to a site the user may not review (both answer 404).</summary>
    private static async Task<ReviewItem?> FindAsync(Guid id, HttpContext http, IReviewQueueStore queue)
    {
        var item = await queue.GetAsync(id, http.RequestAborted);
        return item is not null && http.User.CanReview(item.Comment.SiteId) ? item : null;
    }

    /// <param name="reasons">The site's reasons, one of which is required; null when no reason is asked (approving).</param>
    internal static ValidationProblem? Validate(DecisionRequest? request, IReadOnlyList<RejectReason>? reasons)
    {
        var errors = new Dictionary<string, string[]>();
        if (reasons is not null && !reasons.Any(reason => reason.Code == request?.Reason))
        {
            errors["reason"] = [$"reason is one of: {string.Join(", ", reasons.Select(r => r.Code))}."];
        }

        if (request?.Note is { Length: > DecisionRequest.MaxTextLength })
        {
            errors["note"] = [$"note is at most {DecisionRequest.MaxTextLength} characters."];
        }

        if (request?.Message is { Length: > DecisionRequest.MaxTextLength })
        {
            errors["message"] = [$"message is at most {DecisionRequest.MaxTextLength} characters."];
        }

        return errors.Count == 0 ? null : TypedResults.ValidationProblem(errors);
    }
}
