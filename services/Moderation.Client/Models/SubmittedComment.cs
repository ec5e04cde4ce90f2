namespace Moderation.Client.Models;

/// <summary>The answer to a submit: the comment's id, and <c>pending</c> until the rules decide.</summary>
public sealed record SubmittedComment(Guid Id, string Status);
