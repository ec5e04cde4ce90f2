using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Moderation.ServiceDefaults.Sites;

namespace Moderation.Ingestion.Submissions;

/// <summary><c>POST /v1/sites/{siteId}/articles/{articleId}/comments</c>.</summary>
public static class SubmitCommentEndpoint
{
    public const int MaxIdempotencyKeyLength = 200;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<Results<Accepted<SubmitCommentResponse>, ProblemHttpResult, ValidationProblem, NotFound>> HandleAsync(
        string siteId,
        string articleId,
        HttpContext http,
        CommentSubmitter submitter,
        Articles.ArticleGate articles,
        SubmissionBacklog backlog,
        IOptions<IngestionOptions> options,
        [FromKeyedServices(Storage.StoreOwner.Ingestion)] Storage.Erasure.IAuthorErasureStore erasures,
        CancellationToken cancellationToken)
    {
        if (!http.User.CanAccessSite(siteId))
        {
            return TypedResults.NotFound();
        }

        if (!http.Request.HasJsonContentType())
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type",
                detail: "Send the comment as application/json.");
        }

        var maxBytes = options.Value.MaxRequestBytes;
        if (http.Request.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        string? idempotencyKey = http.Request.Headers["Idempotency-Key"];
        if (idempotencyKey is { Length: 0 or > MaxIdempotencyKeyLength })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["Idempotency-Key"] = [$"The Idempotency-Key header must be 1 to {MaxIdempotencyKeyLength} characters."],
            });
        }

        var payload = await ReadBoundedAsync(http.Request.Body, maxBytes, cancellationToken);
        if (payload is null)
        {
            return TooLarge(maxBytes);
        }

        SubmitCommentRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<SubmitCommentRequest>(payload, Json);
        }
        catch (JsonException exception)
        {
            var field = string.IsNullOrEmpty(exception.Path) || exception.Path == "$" ? "body" : exception.Path.TrimStart('$', '.');
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [field] = [$"Malformed JSON: {exception.Message}"] },
                title: "The request body is not valid JSON for a comment.");
        }

        var (comment, errors) = CommentValidator.Validate(siteId, articleId, request);
        if (comment is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        // Accepted, it would be dropped by every consumer and wait in "pending" forever, with the erased id stored again.
        if (await erasures.IsErasedAsync(siteId, comment.Author.Id, cancellationToken))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status410Gone,
                title: "Author erased",
                detail: "This author was erased on this site; a person who comments again needs a new author id.");
        }

        var mode = await articles.AdmitAsync(siteId, comment.ArticleId, cancellationToken);
        if (mode.Mode == Storage.Articles.ArticleMode.Closed)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Article closed",
                detail: $"This article takes no new comments (closed by {mode.Reason}).");
        }

        if (mode.Mode == Storage.Articles.ArticleMode.Premoderate)
        {
            comment = comment with { HoldReason = mode.Reason };
        }

        // Refused, not accepted: nothing is stored, and the site sends it again later.
        if (backlog.IsFull)
        {
            http.Response.Headers.RetryAfter = options.Value.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Too many comments waiting for the broker",
                detail: $"{backlog.Unsent} accepted comments wait for the message broker (at most {options.Value.MaxUnsentSubmissions}). Send the same request again later.");
        }

        var result = await submitter.SubmitAsync(comment, idempotencyKey, cancellationToken);
        switch (result.Outcome)
        {
            case SubmitOutcome.Accepted:
                return TypedResults.Accepted(
                    $"/v1/comments/{result.CommentId}",
                    new SubmitCommentResponse(result.CommentId, result.Status.ToString().ToLowerInvariant()));
            case SubmitOutcome.KeyReusedWithDifferentRequest:
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    title: "Idempotency-Key reused",
                    detail: "This Idempotency-Key was already used with a different request.");
            case SubmitOutcome.UnknownParent:
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["parentId"] = ["parentId names no comment of this article."],
                });
            default:
                throw new System.Diagnostics.UnreachableException($"Unknown submit outcome {result.Outcome}.");
        }
    }

    private static ProblemHttpResult TooLarge(int maxBytes) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Request too large",
        detail: $"A request may be at most {maxBytes} bytes.");

    /// <summary>Reads at most <paramref name="maxBytes"/>; null when the body is larger (chunked bodies have no Content-Length).</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
