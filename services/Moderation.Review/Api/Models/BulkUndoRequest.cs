namespace Moderation.Review.Api.Models;

/// <summary>
/// Takes back a bulk action: <paramref name="Ids"/> are the ones its answer listed, <paramref name="Action"/> the action it
/// took (approve or reject). Or <paramref name="ActionId"/> alone, the action the server kept (the bulk's answer, GET
/// bulk-actions): its action and ids are read from the server, so another session can undo it. Undoing approvals rejects
/// them, so it needs one of the site's reasons.
/// </summary>
public sealed record BulkUndoRequest(string? Action, IReadOnlyList<Guid>? Ids, string? Reason, string? Note, Guid? ActionId = null)
{
    /// <summary>At most this many ids per request.</summary>
    public const int MaxIds = 100_000;
}
