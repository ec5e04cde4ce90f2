namespace Moderation.Storage.Sqlite;

/// <summary>
/// Tables of the SQLite store, per owner. Ids are lower-case "D" text, whose text order is <see cref="Guid.CompareTo(Guid)"/>'s order
/// and MongoDB's order for standard-representation GUIDs; times are Unix milliseconds so they sort as numbers.
/// </summary>
internal static class SqliteSchema
{
    public static string For(StoreOwner owner) => owner switch
    {
        StoreOwner.Ingestion => Ingestion,
        StoreOwner.Worker => Worker,
        StoreOwner.Publishing => Publishing,
        StoreOwner.Review => Review,
        _ => throw new ArgumentOutOfRangeException(nameof(owner), owner, "Unknown store owner."),
    } + ErasedAuthors;

    // Every owner keeps its own record of erased authors (one shared table when the host keeps every owner in one file).
    private const string ErasedAuthors = """

        CREATE TABLE IF NOT EXISTS erased_authors (
            key          TEXT    NOT NULL PRIMARY KEY,
            erased_at    INTEGER NOT NULL
        ) WITHOUT ROWID;
        """;

    /// <summary>
    /// Columns added after a table was first shipped, for files created before: each runs once, and "duplicate column"
    /// means it already did. Indexes on such columns come after them.
    /// </summary>
    public static IReadOnlyList<string> UpgradesFor(StoreOwner owner) => owner switch
    {
        StoreOwner.Ingestion =>
        [
            // The submission outbox lives in the status row: the event still owed to the broker, when it is due
            // (null once sent), and how many relay attempts claimed it.
            "ALTER TABLE comment_status ADD COLUMN outbox TEXT NULL",
            "ALTER TABLE comment_status ADD COLUMN outbox_due_at INTEGER NULL",
            "ALTER TABLE comment_status ADD COLUMN outbox_attempts INTEGER NOT NULL DEFAULT 0",
            "CREATE INDEX IF NOT EXISTS ix_comment_status_outbox ON comment_status (outbox_due_at, id) WHERE outbox_due_at IS NOT NULL",
        ],
        StoreOwner.Review =>
        [
            "ALTER TABLE review_queue ADD COLUMN decision_unsent INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE review_queue ADD COLUMN decided_at INTEGER NULL",
            "CREATE INDEX IF NOT EXISTS ix_review_queue_unsent ON review_queue (decided_at, comment_id) WHERE decision_unsent = 1",
            "ALTER TABLE review_queue ADD COLUMN audit TEXT NULL",
            "ALTER TABLE review_queue ADD COLUMN reports INTEGER NOT NULL DEFAULT 0",

            // Decided items leave the hot path: the pending queries' index holds pending items only.
            "DROP INDEX IF EXISTS ix_review_queue_site_status",
            "CREATE INDEX IF NOT EXISTS ix_review_queue_pending ON review_queue (site_id, queued_at, comment_id) WHERE status = 'Pending'",
            "CREATE INDEX IF NOT EXISTS ix_review_queue_decided ON review_queue (decided_at) WHERE status <> 'Pending' AND decision_unsent = 0",

            // The decided queue of a site, newest decision first.
            "CREATE INDEX IF NOT EXISTS ix_review_queue_site_decided ON review_queue (site_id, decided_at DESC, comment_id DESC) WHERE status <> 'Pending'",
        ],
        StoreOwner.Publishing =>
        [
            "ALTER TABLE article_comments ADD COLUMN removed INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE article_comments ADD COLUMN decision_seq INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE article_comments ADD COLUMN decided_at INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE article_comments ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0",
        ],
        _ => [],
    };

    private const string Ingestion = """
        CREATE TABLE IF NOT EXISTS comment_status (
            id           TEXT    NOT NULL PRIMARY KEY,
            site_id      TEXT    NOT NULL,
            article_id   TEXT    NOT NULL,
            author_id    TEXT    NOT NULL,
            status       TEXT    NOT NULL,
            submitted_at INTEGER NOT NULL,
            decision     TEXT    NULL,
            review       TEXT    NULL
        );

        CREATE TABLE IF NOT EXISTS idempotency_keys (
            site_id      TEXT    NOT NULL,
            key          TEXT    NOT NULL,
            request_hash TEXT    NOT NULL,
            comment_id   TEXT    NOT NULL,
            created_at   INTEGER NOT NULL,
            published    INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (site_id, key)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS author_history (
            seq          INTEGER PRIMARY KEY AUTOINCREMENT,
            comment_id   TEXT    NOT NULL UNIQUE,
            site_id      TEXT    NOT NULL,
            author_id    TEXT    NOT NULL,
            submitted_at INTEGER NOT NULL,
            text         TEXT    NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_author_history_author
            ON author_history (site_id, author_id, seq);
        CREATE INDEX IF NOT EXISTS ix_author_history_submitted
            ON author_history (submitted_at);

        CREATE TABLE IF NOT EXISTS comment_reports (
            comment_id   TEXT    NOT NULL,
            reporter_id  TEXT    NOT NULL,
            site_id      TEXT    NOT NULL,
            reason       TEXT    NOT NULL,
            note         TEXT    NULL,
            reported_at  INTEGER NOT NULL,
            closed       INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (comment_id, reporter_id)
        ) WITHOUT ROWID;

        CREATE INDEX IF NOT EXISTS ix_comment_status_site_submitted ON comment_status (site_id, submitted_at);

        CREATE TABLE IF NOT EXISTS article_state (
            site_id            TEXT    NOT NULL,
            article_id         TEXT    NOT NULL,
            editor_mode        TEXT    NULL,
            editor_mode_set_at INTEGER NULL,
            surge_until        INTEGER NULL,
            first_comment_at   INTEGER NULL,
            PRIMARY KEY (site_id, article_id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_article_state_surge ON article_state (surge_until) WHERE surge_until IS NOT NULL;

        CREATE TABLE IF NOT EXISTS article_minutes (
            site_id      TEXT    NOT NULL,
            article_id   TEXT    NOT NULL,
            minute       INTEGER NOT NULL,
            count        INTEGER NOT NULL,
            PRIMARY KEY (site_id, article_id, minute)
        ) WITHOUT ROWID;
        """;

    private const string Publishing = """
        CREATE TABLE IF NOT EXISTS article_comments (
            id           TEXT    NOT NULL PRIMARY KEY,
            site_id      TEXT    NOT NULL,
            article_id   TEXT    NOT NULL,
            author_id    TEXT    NOT NULL,
            author_name  TEXT    NOT NULL,
            body         TEXT    NOT NULL,
            parent_id    TEXT    NULL,
            published_at INTEGER NOT NULL,
            removed      INTEGER NOT NULL DEFAULT 0,
            decision_seq INTEGER NOT NULL DEFAULT 0,
            decided_at   INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX IF NOT EXISTS ix_article_comments_read
            ON article_comments (site_id, article_id, published_at, id);
        """;

    private const string Review = """
        CREATE TABLE IF NOT EXISTS review_queue (
            comment_id   TEXT    NOT NULL PRIMARY KEY,
            site_id      TEXT    NOT NULL,
            status       TEXT    NOT NULL,
            queued_at    INTEGER NOT NULL,
            comment      TEXT    NOT NULL,
            decision     TEXT    NOT NULL,
            review       TEXT    NULL,
            leased_by    TEXT    NULL,
            lease_expires_at INTEGER NULL,
            decision_unsent  INTEGER NOT NULL DEFAULT 0,
            decided_at   INTEGER NULL,
            audit        TEXT    NULL
        );
        CREATE INDEX IF NOT EXISTS ix_review_queue_pending
            ON review_queue (site_id, queued_at, comment_id) WHERE status = 'Pending';
        """ + SqliteReviewSchema.Script;

    private const string Worker = """
        CREATE TABLE IF NOT EXISTS author_activity (
            comment_id   TEXT    NOT NULL PRIMARY KEY,
            site_id      TEXT    NOT NULL,
            author_id    TEXT    NOT NULL,
            submitted_at INTEGER NOT NULL,
            text         TEXT    NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_author_activity_author
            ON author_activity (site_id, author_id, submitted_at, comment_id);
        CREATE INDEX IF NOT EXISTS ix_author_activity_submitted
            ON author_activity (submitted_at);

        CREATE TABLE IF NOT EXISTS author_standing (
            site_id      TEXT    NOT NULL,
            author_id    TEXT    NOT NULL,
            standing     TEXT    NOT NULL,
            until        INTEGER NULL,
            moderator    TEXT    NOT NULL,
            changed_at   INTEGER NOT NULL,
            PRIMARY KEY (site_id, author_id)
        ) WITHOUT ROWID;
        """;
}
