using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Moderation.ServiceDefaults.Sites;

namespace Moderation.Ingestion.Reports;

/// <summary><c>POST /v1/comments/{id}/reports</c>: a reader reports a comment; the same reporter counts once.</summary>
public static class ReportCommentEndpoint
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<Results<Accepted<ReportCommentResponse>, NotFound, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string id, HttpContext http, CommentReporter reporter, IOptions<IngestionOptions> options, CancellationToken cancellationToken)
    {
        var siteId = http.User.SiteId();
        if (siteId is null || !Guid.TryParse(id, out var commentId))
        {
            return TypedResults.NotFound();
        }

        if (!http.Request.HasJsonContentType())
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type",
                detail: "Send the report as application/json.");
        }

        ReportCommentRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<ReportCommentRequest>(http.Request.Body, Json, cancellationToken);
        }
        catch (JsonException exception)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["body"] = [$"Malformed JSON: {exception.Message}"] },
                title: "The request body is not valid JSON for a report.");
        }

        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var result = await reporter.ReportAsync(
            siteId, commentId, request!.ReporterId!.Trim(), request.Reason!, string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), cancellationToken);
        switch (result.Outcome)
        {
            case ReportOutcome.Accepted:
                return TypedResults.Accepted(
                    $"/v1/comments/{commentId}", new ReportCommentResponse(commentId, result.Tally!.Added, result.Tally.OpenReports));
            case ReportOutcome.NotFound:
                return TypedResults.NotFound();
            default:
                http.Response.Headers.RetryAfter = options.Value.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: "Broker unavailable",
                    detail: "The report is recorded but its event was not confirmed by the message broker. Send the same report again later.");
        }
    }

    private static Dictionary<string, string[]> Validate(ReportCommentRequest? request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request is null)
        {
            errors["body"] = ["The request body must be a JSON object."];
            return errors;
        }

        if (string.IsNullOrWhiteSpace(request.ReporterId) || request.ReporterId.Trim().Length > ReportReasons.MaxReporterIdLength ||
            request.ReporterId.Any(char.IsControl))
        {
            errors["reporterId"] = [$"reporterId is the reader's id on the site: 1 to {ReportReasons.MaxReporterIdLength} characters, no control characters."];
        }

        if (request.Reason is null || !ReportReasons.All.Contains(request.Reason, StringComparer.Ordinal))
        {
            errors["reason"] = [$"reason is one of {string.Join(", ", ReportReasons.All)}."];
        }

        if (request.Note is { Length: > ReportReasons.MaxNoteLength })
        {
            errors["note"] = [$"note is at most {ReportReasons.MaxNoteLength} characters."];
        }

        return errors;
    }
}
