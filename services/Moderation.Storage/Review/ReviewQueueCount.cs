namespace Moderation.Storage.Review;

/// <summary>How many pending items share one key (a category, a rule or an article).</summary>
public sealed record ReviewQueueCount(string Key, long Count);
