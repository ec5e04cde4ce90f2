namespace Moderation.Contracts;

/// <summary>Published by the Ingestion API once a comment is accepted.</summary>
public sealed record CommentSubmitted(Comment Comment, AuthorSignals? AuthorSignals = null);
