namespace Moderation.Client.Models;

/// <summary>The reader who wrote a comment: the site's id for them (1–128 characters) and display name (1–80).</summary>
public sealed record CommentAuthor(string Id, string Name);
