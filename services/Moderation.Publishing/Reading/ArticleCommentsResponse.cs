namespace Moderation.Publishing.Reading;

/// <summary>What <c>GET /v1/sites/{siteId}/articles/{articleId}/comments</c> returns.</summary>
public sealed record ArticleCommentsResponse(IReadOnlyList<PublishedCommentResponse> Items, string? Next);

public sealed record PublishedCommentResponse(Guid Id, AuthorResponse Author, string Body, Guid? ParentId, DateTimeOffset PublishedAt);

public sealed record AuthorResponse(string Id, string Name);
