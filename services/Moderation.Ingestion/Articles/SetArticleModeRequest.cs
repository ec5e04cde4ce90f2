namespace Moderation.Ingestion.Articles;

/// <summary>
/// The body of <c>PUT /v1/sites/{siteId}/articles/{articleId}/moderation</c>: <c>premoderate</c>, <c>normal</c> or
/// <c>closed</c> (the editor's setting, which wins over schedule and surge), or <c>auto</c> to hand the article back to them.
/// </summary>
public sealed record SetArticleModeRequest(string? Mode);
