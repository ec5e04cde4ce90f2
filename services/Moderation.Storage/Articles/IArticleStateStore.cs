namespace Moderation.Storage.Articles;

/// <summary>Owned by the Ingestion API: each article's moderation mode, its surge, and its per-minute submission counts.</summary>
public interface IArticleStateStore
{
    /// <summary>The article's state; one with nothing set when the article has none yet.</summary>
    Task<ArticleState> GetAsync(string siteId, string articleId, CancellationToken cancellationToken = default);

    /// <summary>Sets (or, with null, clears) the editor's mode. Returns the state after.</summary>
    Task<ArticleState> SetEditorModeAsync(
        string siteId, string articleId, ArticleMode? mode, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>
    /// Counts one submission in the minute of <paramref name="at"/> (atomically, however many replicas count at once),
    /// records the first comment's time, and when the minute then holds more than <paramref name="surgeAbove"/>
    /// submissions (0: surge off) extends the surge to <paramref name="at"/> + <paramref name="quietPeriod"/>.
    /// </summary>
    Task<SubmissionCount> CountSubmissionAsync(
        string siteId, string articleId, DateTimeOffset at, int surgeAbove, TimeSpan quietPeriod, CancellationToken cancellationToken = default);

    /// <summary>Articles whose surge ended at or before <paramref name="now"/> and is not yet cleared, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<ArticleState>> ListEndedSurgesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default);

    /// <summary>Clears a surge that still ends at <paramref name="surgeUntil"/> (a surge extended meanwhile stays). True when it cleared it.</summary>
    Task<bool> ClearSurgeAsync(string siteId, string articleId, DateTimeOffset surgeUntil, CancellationToken cancellationToken = default);

    /// <summary>Deletes per-minute counts older than <paramref name="before"/>; returns how many.</summary>
    Task<long> PruneCountsAsync(DateTimeOffset before, CancellationToken cancellationToken = default);
}
