using Moderation.Storage.Review;

namespace Moderation.Review.Api.Models;

/// <summary>A bulk action that can still be undone (POST bulk-undo with its <see cref="Id"/> as actionId).</summary>
public sealed record BulkActionView(Guid Id, string Action, int Decided, string Moderator, DateTimeOffset CreatedAt, DateTimeOffset UndoUntil)
{
    public static BulkActionView From(ReviewBulkAction action) =>
        new(action.Id, action.Action, action.Count, action.Moderator, action.CreatedAt, action.UndoUntil);
}
