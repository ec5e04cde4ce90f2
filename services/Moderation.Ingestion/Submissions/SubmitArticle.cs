namespace Moderation.Ingestion.Submissions;

/// <summary>The article a comment is on, as the site describes it: all optional, shown to moderators for context.</summary>
public sealed record SubmitArticle(string? Title, string? Url, string? Section);
