using Microsoft.AspNetCore.Http.HttpResults;
using Moderation.ServiceDefaults.Sites;
using Moderation.Storage.Publishing;

namespace Moderation.Publishing.Reading;

/// <summary><c>GET /v1/sites/{siteId}/articles/{articleId}/comments?limit=50&amp;order=oldest|newest&amp;cursor=...</c></summary>
public static class ArticleCommentsEndpoint
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static async Task<Results<Ok<ArticleCommentsResponse>, ValidationProblem, NotFound>> HandleAsync(
        string siteId,
        string articleId,
        string? limit,
        string? order,
        string? cursor,
        HttpContext http,
        IArticleCommentStore store,
        CancellationToken cancellationToken)
    {
        if (!http.User.CanAccessSite(siteId))
        {
            return TypedResults.NotFound();
        }

        var errors = new Dictionary<string, string[]>();
        if (!SiteIds.IsValid(articleId))
        {
            errors["articleId"] = [$"An article id must match {SiteIds.Shape}."];
        }

        var pageSize = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, out pageSize) || pageSize is < 1 or > MaxLimit))
        {
            errors["limit"] = [$"limit must be a whole number from 1 to {MaxLimit}."];
        }

        var sortOrder = order?.ToLowerInvariant() switch
        {
            null or "oldest" => CommentOrder.OldestFirst,
            "newest" => CommentOrder.NewestFirst,
            _ => (CommentOrder?)null,
        };
        if (sortOrder is null)
        {
            errors["order"] = ["order must be 'oldest' or 'newest'."];
        }

        CommentPageCursor? after = null;
        if (cursor is not null && !PageCursor.TryDecode(cursor, out after))
        {
            errors["cursor"] = ["cursor must be the 'next' value of an earlier page."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var page = await store.ListAsync(siteId, articleId, sortOrder!.Value, pageSize, after, cancellationToken);
        return TypedResults.Ok(new ArticleCommentsResponse(
            page.Items.Select(comment => new PublishedCommentResponse(
                comment.Id,
                new AuthorResponse(comment.AuthorId, comment.AuthorName),
                comment.Body,
                comment.ParentId,
                comment.PublishedAt)).ToList(),
            page.Next is null ? null : PageCursor.Encode(page.Next)));
    }
}
