namespace Moderation.Contracts;

/// <summary>
/// Published by the Ingestion API once a comment is accepted. <see cref="AuthorHistory"/> holds every comment the
/// author submitted on the site before this one (within Ingestion's history window, oldest first), read in the same
/// atomic step that appended this one; null from an Ingestion that predates it. <see cref="HoldReason"/> is set when the
/// article is pre-moderated (by an editor, a schedule or a surge: <c>editor</c>, <c>schedule</c>, <c>surge</c>): the
/// worker then holds for a moderator what the rules would approve.
/// </summary>
public sealed record CommentSubmitted(
    Comment Comment,
    AuthorSignals? AuthorSignals = null,
    IReadOnlyList<PriorSubmission>? AuthorHistory = null,
    string? HoldReason = null);
