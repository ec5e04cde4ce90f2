using Microsoft.AspNetCore.Http.HttpResults;
using Moderation.ServiceDefaults.Sites;
using Moderation.Storage.Comments;

namespace Moderation.Ingestion.Status;

/// <summary><c>GET /v1/comments/{id}</c>: where a comment is in the pipeline and why.</summary>
public static class CommentStatusEndpoint
{
    public static async Task<Results<Ok<CommentStatusResponse>, NotFound>> HandleAsync(
        string id, HttpContext http, ICommentStatusStore statuses, CancellationToken cancellationToken)
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

        return TypedResults.Ok(ToResponse(record));
    }

    public static CommentStatusResponse ToResponse(CommentStatusRecord record) => new(
        record.Id,
        record.SiteId,
        record.ArticleId,
        record.Status.ToString().ToLowerInvariant(),
        record.Decision is { } decision
            ? new DecisionResponse(
                decision.Outcome.ToString().ToLowerInvariant(),
                decision.Score,
                decision.Hits.Select(hit => new HitResponse(hit.Rule, hit.Category, hit.Severity, hit.Start, hit.Length, hit.Match)).ToList(),
                decision.RulesetVersion,
                decision.DecidedAt)
            : null,
        record.Review is { } review ? new ReviewResponse(review.Reason ?? string.Empty, review.DecidedAt, review.MessageToAuthor) : null);
}
