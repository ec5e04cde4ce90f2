using Microsoft.AspNetCore.Http.HttpResults;
using Moderation.Contracts;
using Moderation.Review.Api.Models;
using Moderation.Review.Auth;
using Moderation.Review.Authors;
using Moderation.Storage.Review;

namespace Moderation.Review.Api;

/// <summary>One author on one site: the panel, their standing (ban, pre-moderate, trust) and moderators' notes.</summary>
public static class AuthorEndpoints
{
    private const int MaxHistoryPage = 100;

    public static void MapAuthorEndpoints(this RouteGroupBuilder review)
    {
        var author = review.MapGroup("/sites/{siteId}/authors/{authorId}");
        author.MapGet("/", GetAsync);
        author.MapPost("/standing", SetStandingAsync);
        author.MapPost("/notes", AddNoteAsync);
    }

    private static async Task<Results<Ok<AuthorPanel>, NotFound, ValidationProblem>> GetAsync(
        string siteId, string authorId, HttpContext http, AuthorStandings standings, int? offset, int? limit)
    {
        if (!http.User.CanReview(siteId))
        {
            return TypedResults.NotFound();
        }

        if (offset is < 0 or > ReviewQueueQuery.MaxOffset || limit is < 1 or > MaxHistoryPage)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["offset"] = [$"offset is 0-{ReviewQueueQuery.MaxOffset} and limit 1-{MaxHistoryPage}."],
            });
        }

        return TypedResults.Ok(await standings.PanelAsync(siteId, authorId, offset ?? 0, limit ?? 20, http.RequestAborted));
    }

    private static async Task<Results<Ok<ReviewAuditEntry>, NotFound, ValidationProblem, ProblemHttpResult>> SetStandingAsync(
        string siteId, string authorId, AuthorStandingRequest? request, HttpContext http, AuthorStandings standings, IReviewCommentLogStore comments)
    {
        if (!http.User.CanReview(siteId))
        {
            return TypedResults.NotFound();
        }

        var errors = new Dictionary<string, string[]>();
        if (!AuthorStandings.TryParseStanding(request?.Standing, out var standing))
        {
            errors["standing"] = ["standing is normal, banned, premoderated or trusted."];
        }

        if (request?.Days is { } days && (standing != AuthorStanding.Banned || days is < 1 or > 3650))
        {
            errors["days"] = ["days (1-3650) bounds a ban only; leave it out for a permanent ban."];
        }

        if (request?.Note is { Length: > DecisionRequest.MaxTextLength })
        {
            errors["note"] = [$"note is at most {DecisionRequest.MaxTextLength} characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (standing == AuthorStanding.Trusted && !standings.TrustAllowed(siteId, await comments.CountByAuthorAsync(siteId, authorId, http.RequestAborted)))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "This author cannot be trusted yet: too few approved comments, or a rejected one too recently.");
        }

        try
        {
            return TypedResults.Ok(await standings.SetAsync(siteId, authorId, standing, request!.Days, http.User.Username(), request.Note, http.RequestAborted));
        }
        catch (Exception exception) when (exception is not OperationCanceledException && exception.GetType().Namespace?.StartsWith("MassTransit", StringComparison.Ordinal) == true)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The message bus is unavailable; nothing was changed. Try again.");
        }
    }

    private static async Task<Results<Ok<ReviewAuditEntry>, NotFound, ValidationProblem>> AddNoteAsync(
        string siteId, string authorId, AuthorNoteRequest? request, HttpContext http, AuthorStandings standings)
    {
        if (!http.User.CanReview(siteId))
        {
            return TypedResults.NotFound();
        }

        if (string.IsNullOrWhiteSpace(request?.Note) || request.Note.Length > DecisionRequest.MaxTextLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["note"] = [$"note is 1-{DecisionRequest.MaxTextLength} characters."] });
        }

        return TypedResults.Ok(await standings.NoteAsync(siteId, authorId, http.User.Username(), request.Note, http.RequestAborted));
    }
}
