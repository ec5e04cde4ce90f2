namespace Moderation.Review.Api.Models;

/// <param name="Sequence">The number of the takedown decision: what an undo of it expects.</param>
public sealed record TakedownResponse(Guid Id, string Status, long Sequence);
