namespace Moderation.Storage.Publishing;

/// <summary>One decision for <see cref="IArticleCommentStore.ApplyManyAsync"/>: the arguments of one <see cref="IArticleCommentStore.ApplyAsync"/>.</summary>
public sealed record CommentDecisionToApply(PublishedComment Comment, bool Visible, DecisionVersion Version);
