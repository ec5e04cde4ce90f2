namespace Moderation.Review.Api.Models;

/// <param name="Sequence">The number of the decision now recorded: what the next re-decision expects.</param>
public sealed record RedecisionResponse(Guid Id, string Status, long Sequence);
