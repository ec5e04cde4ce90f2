namespace Moderation.Review.Api.Models;

/// <param name="Skipped">Comments left as they are: decided again since, past the undo window, or not of this site.</param>
public sealed record BulkUndoResponse(int Undone, int Skipped);
