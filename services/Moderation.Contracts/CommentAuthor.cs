namespace Moderation.Contracts;

/// <summary>The reader who wrote a comment, as the site knows them.</summary>
public sealed record CommentAuthor(string Id, string Name);
