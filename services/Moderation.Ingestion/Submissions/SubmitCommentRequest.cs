namespace Moderation.Ingestion.Submissions;

/// <summary>
/// The JSON a site backend posts. <see cref="Section"/>: the article's section, optional. <see cref="Article"/>: the
/// article's title, url and section, optional; its section is the same thing as <see cref="Section"/> (either may be sent,
/// both only when they agree).
/// </summary>
public sealed record SubmitCommentRequest(
    SubmitCommentAuthor? Author,
    string? Body,
    string? ParentId,
    SubmitAuthorSignals? AuthorSignals,
    string? Section = null,
    SubmitArticle? Article = null);

public sealed record SubmitCommentAuthor(string? Id, string? Name);

/// <summary>Optional facts about the author the site may pass along, for rules such as "hold a new commenter's link".</summary>
public sealed record SubmitAuthorSignals(int? AccountAgeDays, int? ApprovedComments);
