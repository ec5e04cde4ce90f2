namespace Moderation.Rules;

/// <summary>
/// One comment to decide, with the author signals the site sent (either may be unknown) and, when it is decided again
/// because readers reported it, how many reports it has.
/// </summary>
public sealed record CommentToModerate(
    Guid CommentId,
    string SiteId,
    string AuthorId,
    string Text,
    DateTimeOffset SubmittedAt,
    int? AccountAgeDays = null,
    int? ApprovedComments = null,
    int? ReaderReports = null);
