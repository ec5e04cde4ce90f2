namespace Moderation.Storage.Articles;

/// <summary>
/// The article after a submission was counted: its state, and how many submissions its current minute holds.
/// <see cref="SurgeStarted"/> is true for the one submission that started a surge (none was active before).
/// </summary>
public sealed record SubmissionCount(ArticleState State, int ThisMinute, bool SurgeStarted);
