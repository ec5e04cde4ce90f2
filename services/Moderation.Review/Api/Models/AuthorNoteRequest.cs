namespace Moderation.Review.Api.Models;

/// <summary>A moderator's note on an author, kept in the audit log (1-1000 characters).</summary>
public sealed record AuthorNoteRequest(string? Note);
