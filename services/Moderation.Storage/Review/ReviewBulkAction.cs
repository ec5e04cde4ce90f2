namespace Moderation.Storage.Review;

/// <summary>
/// A bulk decision a moderator took (<see cref="Action"/> approve or reject) on <see cref="Count"/> comments, kept on the
/// server so any session can undo it until <see cref="UndoUntil"/>; <see cref="UndoneAt"/> is set once it is undone.
/// Its comment ids are read apart (<see cref="IReviewBulkActionStore.GetIdsAsync"/>): there can be tens of thousands.
/// </summary>
public sealed record ReviewBulkAction(
    Guid Id,
    string SiteId,
    string Moderator,
    string Action,
    int Count,
    DateTimeOffset CreatedAt,
    DateTimeOffset UndoUntil,
    DateTimeOffset? UndoneAt = null);
