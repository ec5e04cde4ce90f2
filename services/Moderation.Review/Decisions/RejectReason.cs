namespace Moderation.Review.Decisions;

public sealed record RejectReason(string Code, string Label);
