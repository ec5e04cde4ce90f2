namespace Moderation.Review.Api.Models;

/// <summary>
/// Takes back a bulk action: <paramref name="Ids"/> are the ones its answer listed, <paramref name="Action"/> the action it
/// took (approve or reject). Undoing approvals rejects them, so it needs one of the site's reasons.
/// </summary>
public sealed record BulkUndoRequest(string? Action, IReadOnlyList<Guid>? Ids, string? Reason, string? Note)
{
    /// <summary>At most this many ids per request.</summary>
    public const int MaxIds = 100_000;
}
