using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Moderation.Review.Api.Models;
using Moderation.Review.Auth;
using Moderation.Review.Decisions;
using Moderation.Review.Queue;
using Moderation.Review.Sites;
using Moderation.Storage.Review;

namespace Moderation.Review.Api;

/// <summary>The queues: counts per site and within one, the site's reasons, a filtered listing, and claiming the next item.</summary>
public static class QueueEndpoints
{
    public static void MapQueueEndpoints(this RouteGroupBuilder review)
    {
        review.MapGet("/reasons", () => TypedResults.Ok(RejectReasons.All));
        review.MapGet("/sites", ListSitesAsync);
        review.MapGet("/sites/{siteId}/reasons", ListSiteReasons);
        review.MapGet("/sites/{siteId}/counts", CountQueueAsync);
        review.MapGet("/sites/{siteId}/queue", ListQueueAsync);
        review.MapPost("/sites/{siteId}/claim-next", ClaimNextAsync);
        review.MapGet("/sites/{siteId}/bulk-count", CountBulkAsync);
        review.MapPost("/sites/{siteId}/bulk", DecideBulkAsync);
        review.MapPost("/sites/{siteId}/bulk-undo", UndoBulkAsync);
        review.MapGet("/sites/{siteId}/bulk-actions", ListBulkActionsAsync);
        review.MapGet("/sites/{siteId}/decided", ListDecidedAsync);
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

    private static Results<Ok<IReadOnlyList<RejectReason>>, NotFound> ListSiteReasons(string siteId, HttpContext http, SiteReviewSettings settings) =>
        http.User.CanReview(siteId) ? TypedResults.Ok(settings.ReasonsFor(siteId)) : TypedResults.NotFound();

    /// <summary>What waits on the site, per category, rule and article: the console's filter choices with their counts.</summary>
    private static async Task<Results<Ok<ReviewQueueCounts>, NotFound>> CountQueueAsync(string siteId, HttpContext http, IReviewQueueStore queue) =>
        http.User.CanReview(siteId) ? TypedResults.Ok(await queue.CountPendingByAsync(siteId, http.RequestAborted)) : TypedResults.NotFound();

    private static async Task<Results<Ok<QueueResponse>, NotFound, ValidationProblem>> ListQueueAsync(
        string siteId, HttpContext http, IReviewQueueStore queue, TimeProvider clock, [AsParameters] QueueFilter filter, int? limit, int? offset)
    {
        if (!http.User.CanReview(siteId))
        {
            return TypedResults.NotFound();
        }

        if (offset is < 0 or > ReviewQueueQuery.MaxOffset)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["offset"] = [$"offset is 0-{ReviewQueueQuery.MaxOffset}."] });
        }

        if (!TryQuery(siteId, filter, limit ?? 100, out var query, out var problem))
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

    /// <summary>The decided queue: approved and rejected comments, newest decision first, with their undo window.</summary>
    private static async Task<Results<Ok<DecidedResponse>, NotFound, ValidationProblem>> ListDecidedAsync(
        string siteId, HttpContext http, IReviewQueueStore queue, SiteReviewSettings settings, TimeProvider clock, string? outcome, int? limit, int? offset)
    {
        if (!http.User.CanReview(siteId))
        {
            return TypedResults.NotFound();
        }

        var errors = new Dictionary<string, string[]>();
        ReviewItemStatus? status = outcome switch
        {
            null or "" => null,
            "approved" => ReviewItemStatus.Approved,
            "rejected" => ReviewItemStatus.Rejected,
            _ => ReviewItemStatus.Pending,
        };
        if (status == ReviewItemStatus.Pending)
        {
            errors["outcome"] = ["outcome is 'approved' or 'rejected' (or absent for both)."];
        }

        if (limit is < 1 or > ReviewQueueQuery.MaxLimit)
        {
            errors["limit"] = [$"limit is 1-{ReviewQueueQuery.MaxLimit}."];
        }

        if (offset is < 0 or > ReviewQueueQuery.MaxOffset)
        {
            errors["offset"] = [$"offset is 0-{ReviewQueueQuery.MaxOffset}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (from, take) = (offset ?? 0, limit ?? 100);
        var items = await queue.QueryDecidedAsync(siteId, status, from, take, http.RequestAborted);
        var window = settings.For(siteId).UndoWindow;
        var now = clock.GetUtcNow();
        return TypedResults.Ok(new DecidedResponse(
            siteId, [.. items.Select(item => DecidedItemSummary.From(item, window, now))], items.Count == take ? from + take : null));
    }

    private static async Task<Results<Ok<ItemDetail>, NoContent, NotFound, ValidationProblem>> ClaimNextAsync(
        string siteId, HttpContext http, IReviewQueueStore queue, IReviewCommentLogStore comments, IOptions<ReviewOptions> options,
        TimeProvider clock, [AsParameters] QueueFilter filter)
    {
        if (!http.User.CanReview(siteId))
        {
            return TypedResults.NotFound();
        }

        if (!TryQuery(siteId, filter, 1, out var query, out var problem))
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

    /// <summary>What a bulk action with this filter would decide: shown to the moderator before they confirm.</summary>
    private static async Task<Results<Ok<BulkCountResponse>, NotFound, ValidationProblem>> CountBulkAsync(
        string siteId, HttpContext http, IReviewQueueStore queue, [AsParameters] QueueFilter filter)
    {
        if (!http.User.CanReview(siteId))
        {
            return TypedResults.NotFound();
        }

        if (!TryBulkQuery(siteId, filter, out var query, out var problem))
        {
            return problem;
        }

        return TypedResults.Ok(new BulkCountResponse(await queue.CountMatchingAsync(query, http.RequestAborted)));
    }

    /// <summary>Approves or rejects every waiting comment the filter matches (at most the count shown), oldest first.</summary>
    private static async Task<Results<Ok<BulkResponse>, NotFound, ValidationProblem>> DecideBulkAsync(
        string siteId, BulkRequest? request, HttpContext http, QueueSweep sweep, SiteReviewSettings settings, TimeProvider clock,
        IReviewBulkActionStore bulkActions, [AsParameters] QueueFilter filter)
    {
        if (!http.User.CanReview(siteId))
        {
            return TypedResults.NotFound();
        }

        if (!TryBulkQuery(siteId, filter, out var query, out var problem))
        {
            return problem;
        }

        var approve = request?.Action == "approve";
        var errors = new Dictionary<string, string[]>();
        if (request?.Action is not ("approve" or "reject"))
        {
            errors["action"] = ["action is 'approve' or 'reject'."];
        }

        if (request?.Expected is not > 0)
        {
            errors["expected"] = ["expected is the count GET bulk-count gave (at least 1): at most that many are decided."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var decision = new DecisionRequest(request!.Reason, request.Note, request.Message);
        if (ItemEndpoints.Validate(decision, approve ? null : settings.ReasonsFor(siteId)) is { } invalid)
        {
            return invalid;
        }

        var (decided, skipped) = await sweep.DecideAllAsync(
            query, request.Expected!.Value, http.User.Username(), approve, approve ? null : request.Reason, request.Note, request.Message, http.RequestAborted);
        var now = clock.GetUtcNow();
        var undoUntil = now + settings.For(siteId).UndoWindow;
        Guid? actionId = null;
        if (decided.Count > 0)
        {
            // Kept on the server, so the undo survives a reload and works from another session.
            actionId = MassTransit.NewId.NextGuid();
            await bulkActions.AddAsync(
                new ReviewBulkAction(actionId.Value, siteId, http.User.Username(), request.Action!, decided.Count, now, undoUntil), decided, http.RequestAborted);
        }

        return TypedResults.Ok(new BulkResponse(request.Action!, decided.Count, skipped.Count, decided, undoUntil, actionId));
    }

    /// <summary>The site's bulk actions that can still be undone, newest first: what any session offers to undo.</summary>
    private static async Task<Results<Ok<IReadOnlyList<BulkActionView>>, NotFound>> ListBulkActionsAsync(
        string siteId, HttpContext http, IReviewBulkActionStore bulkActions, TimeProvider clock)
    {
        if (!http.User.CanReview(siteId))
        {
            return TypedResults.NotFound();
        }

        var open = await bulkActions.ListOpenAsync(siteId, clock.GetUtcNow(), 20, http.RequestAborted);
        return TypedResults.Ok<IReadOnlyList<BulkActionView>>([.. open.Select(BulkActionView.From)]);
    }

    /// <summary>Takes back a bulk action within the site's undo window: each comment it decided, unless decided again since.</summary>
    private static async Task<Results<Ok<BulkUndoResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UndoBulkAsync(
        string siteId, BulkUndoRequest? request, HttpContext http, QueueSweep sweep, SiteReviewSettings settings,
        IReviewBulkActionStore bulkActions, TimeProvider clock)
    {
        if (!http.User.CanReview(siteId))
        {
            return TypedResults.NotFound();
        }

        ReviewBulkAction? kept = null;
        if (request?.ActionId is { } actionId)
        {
            kept = await bulkActions.GetAsync(actionId, http.RequestAborted);
            if (kept is null || kept.SiteId != siteId)
            {
                return TypedResults.NotFound();
            }

            if (kept.UndoneAt is not null || kept.UndoUntil <= clock.GetUtcNow())
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    title: kept.UndoneAt is not null ? "This bulk action is already undone." : "The undo window of this bulk action has passed.");
            }

            request = request with { Action = kept.Action, Ids = await bulkActions.GetIdsAsync(actionId, http.RequestAborted) };
        }

        var errors = new Dictionary<string, string[]>();
        if (request?.Action is not ("approve" or "reject"))
        {
            errors["action"] = ["action is the one the bulk took: 'approve' or 'reject'."];
        }

        if (request?.Ids is not { Count: > 0 and <= BulkUndoRequest.MaxIds })
        {
            errors["ids"] = [$"ids are the ones the bulk's answer listed (1-{BulkUndoRequest.MaxIds})."];
        }

        var undoApprovals = request?.Action == "approve";
        if (ItemEndpoints.Validate(new DecisionRequest(request?.Reason, request?.Note), undoApprovals ? settings.ReasonsFor(siteId) : null) is { } invalid)
        {
            foreach (var (key, value) in invalid.ProblemDetails.Errors)
            {
                errors[key] = value;
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (undone, skipped) = await sweep.UndoAllAsync(
            siteId, request!.Ids!, undoApprovals ? ReviewItemStatus.Approved : ReviewItemStatus.Rejected, http.User.Username(),
            undoApprovals ? request.Reason : null, request.Note, settings.For(siteId).UndoWindow, http.RequestAborted);
        if (kept is not null)
        {
            // After the undo, so a failure leaves it offered; a second session undoing at once finds every comment re-decided and skips it.
            await bulkActions.MarkUndoneAsync(kept.Id, clock.GetUtcNow(), http.RequestAborted);
        }

        return TypedResults.Ok(new BulkUndoResponse(undone, skipped));
    }

    /// <summary>A bulk action needs a filter (article, category, rule, author or text): never the whole site by accident.</summary>
    private static bool TryBulkQuery(string siteId, QueueFilter filter, out ReviewQueueQuery query, out ValidationProblem problem)
    {
        if (!TryQuery(siteId, filter, 1, out query, out problem))
        {
            return false;
        }

        if (query is { ArticleId: null, Category: null, Rule: null, AuthorId: null, Text: null })
        {
            problem = TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["filter"] = ["A bulk action needs at least one filter: article, category, rule, author or q."],
            });
            return false;
        }

        return true;
    }

    private static bool TryQuery(string siteId, QueueFilter filter, int limit, out ReviewQueueQuery query, out ValidationProblem problem)
    {
        query = null!;
        problem = null!;
        ReviewQueueOrder? parsed = filter.Order switch
        {
            null or "" or "oldest" => ReviewQueueOrder.OldestFirst,
            "newest" => ReviewQueueOrder.NewestFirst,
            "score" or "severity" => ReviewQueueOrder.HighestScoreFirst,
            _ => null,
        };

        // The reported view holds published comments readers reported; the flagged view what the rules held; no view, both.
        bool? reported = filter.View switch
        {
            null or "" or "all" => null,
            "reported" => true,
            "flagged" => false,
            _ => false,
        };
        var errors = new Dictionary<string, string[]>();
        if (filter.View is not (null or "" or "all" or "reported" or "flagged"))
        {
            errors["view"] = ["view is 'all', 'flagged' or 'reported'."];
        }

        if (parsed is null)
        {
            errors["order"] = ["order is 'oldest', 'newest' or 'score'."];
        }

        if (Blank(filter.Q) is { Length: > ReviewQueueQuery.MaxTextLength })
        {
            errors["q"] = [$"q is at most {ReviewQueueQuery.MaxTextLength} characters."];
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

        query = new ReviewQueueQuery(
            siteId, Blank(filter.Article), Blank(filter.Category), Blank(filter.Author), parsed!.Value, limit, Rule: Blank(filter.Rule), Text: Blank(filter.Q), Reported: reported);
        return true;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
