namespace Moderation.Review.Api.Models;

/// <summary>
/// Approve or reject what the queue's filter matches. <c>Expected</c> is the count the moderator was shown
/// (GET bulk-count): at most that many are decided, so what arrived since is not touched unseen.
/// </summary>
public sealed record BulkRequest(string? Action, long? Expected, string? Reason, string? Note, string? Message);
