namespace Moderation.Client.Models;

/// <summary>A comment to submit. <paramref name="Body"/> is 1–10,000 characters after trimming.</summary>
public sealed record NewComment(CommentAuthor Author, string Body, Guid? ParentId = null, AuthorSignals? AuthorSignals = null);
