namespace Moderation.Webhooks.Events;

/// <summary>
/// A reader's report in a <c>comment.reported</c> event: who and why, how many readers reported the comment since its
/// last moderator decision, whether that put it before a moderator and whether it is hidden.
/// </summary>
public sealed record WebhookReport(string ReporterId, string Reason, int Reports, bool InReview, bool Hidden);
