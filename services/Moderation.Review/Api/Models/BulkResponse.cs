namespace Moderation.Review.Api.Models;

/// <param name="Skipped">Matching items another moderator held, left pending.</param>
/// <param name="Ids">The comments decided: what POST bulk-undo takes back, until <paramref name="UndoUntil"/>.</param>
/// <param name="ActionId">The action as the server keeps it: POST bulk-undo with it from any session (GET bulk-actions lists them).</param>
public sealed record BulkResponse(string Action, int Decided, int Skipped, IReadOnlyList<Guid> Ids, DateTimeOffset UndoUntil, Guid? ActionId = null);
