using System.Globalization;
using System.Text;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Moderation.Contracts;
using Moderation.Ingestion.Messaging;
using Moderation.ServiceDefaults.Sites;
using Moderation.Storage.Comments;

namespace Moderation.Ingestion.Deletion;

/// <summary>
/// <c>DELETE /v1/comments/{id}?authorId=…</c>: the author deletes their comment. The site's key proves the site; the
/// <c>authorId</c> the site submitted the comment with proves the author (another id is <c>403</c>). The status becomes
/// <c>deleted</c> first, so no later decision applies, then <see cref="CommentDeleted"/> tells every service. Repeating
/// the request is safe: it announces the deletion again.
/// </summary>
public static class DeleteCommentEndpoint
{
    public static async Task<Results<Accepted<DeleteCommentResponse>, NotFound, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string id,
        string? authorId,
        HttpContext http,
        ICommentStatusStore statuses,
        IPublishEndpoint publisher,
        IOptions<IngestionOptions> options,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var commentId))
        {
            return TypedResults.NotFound();
        }

        var record = await statuses.GetAsync(commentId, cancellationToken);
        if (record is null || !http.User.CanAccessSite(record.SiteId))
        {
            return TypedResults.NotFound();
        }

        if (string.IsNullOrWhiteSpace(authorId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["authorId"] = ["authorId is required: the id of the author the comment was submitted with."],
            });
        }

        // The same form the author's id was stored in when the comment was submitted.
        if (!string.Equals(authorId.Trim().Normalize(NormalizationForm.FormC), record.AuthorId, StringComparison.Ordinal))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Not the comment's author",
                detail: "Only the author the comment was submitted with can delete it.");
        }

        await statuses.MarkDeletedAsync(commentId, cancellationToken);
        var deletedAt = clock.GetUtcNow();
        var deleted = new CommentDeleted(commentId, record.SiteId, record.ArticleId, record.AuthorId, deletedAt);
        if (await publisher.TryPublishWithinAsync(deleted, options.Value.PublishTimeout, cancellationToken) is not null)
        {
            http.Response.Headers.RetryAfter = options.Value.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Broker unavailable",
                detail: "The comment is deleted here but the deletion was not confirmed by the message broker. Send the same request again later.");
        }

        return TypedResults.Accepted($"/v1/comments/{commentId}", new DeleteCommentResponse(commentId, "deleted", deletedAt));
    }
}
