namespace Moderation.Storage.Sqlite;

/// <summary>The Review service's own tables (accounts, tokens, audit log, comment log), part of the Review owner's <see cref="SqliteSchema"/>.</summary>
internal static class SqliteReviewSchema
{
    public const string Script = """

        CREATE TABLE IF NOT EXISTS moderator_accounts (
            username      TEXT    NOT NULL PRIMARY KEY,
            password_hash TEXT    NOT NULL,
            role          TEXT    NOT NULL,
            sites         TEXT    NOT NULL,
            disabled      INTEGER NOT NULL,
            created_at    INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS moderator_tokens (
            id            TEXT    NOT NULL PRIMARY KEY,
            token_hash    TEXT    NOT NULL UNIQUE,
            username      TEXT    NOT NULL,
            name          TEXT    NOT NULL,
            created_at    INTEGER NOT NULL,
            revoked       INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_moderator_tokens_username ON moderator_tokens (username, created_at);

        CREATE TABLE IF NOT EXISTS moderator_sessions (
            key_hash      TEXT    NOT NULL PRIMARY KEY,
            username      TEXT    NOT NULL,
            created_at    INTEGER NOT NULL,
            revoked       INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_moderator_sessions_username ON moderator_sessions (username);

        CREATE TABLE IF NOT EXISTS review_audit (
            id            TEXT    NOT NULL PRIMARY KEY,
            site_id       TEXT    NOT NULL,
            comment_id    TEXT    NOT NULL,
            article_id    TEXT    NOT NULL,
            author_id     TEXT    NOT NULL,
            moderator     TEXT    NOT NULL,
            outcome       TEXT    NOT NULL,
            reason        TEXT    NULL,
            note          TEXT    NULL,
            rules         TEXT    NOT NULL,
            categories    TEXT    NOT NULL,
            at            INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_review_audit_site_at ON review_audit (site_id, at, id);
        CREATE INDEX IF NOT EXISTS ix_review_audit_moderator_at ON review_audit (moderator, at, id);

        CREATE TABLE IF NOT EXISTS review_comments (
            comment_id    TEXT    NOT NULL PRIMARY KEY,
            site_id       TEXT    NOT NULL,
            article_id    TEXT    NOT NULL,
            author_id     TEXT    NOT NULL,
            author_name   TEXT    NOT NULL,
            body          TEXT    NOT NULL,
            parent_id     TEXT    NULL,
            submitted_at  INTEGER NOT NULL,
            outcome       TEXT    NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_review_comments_author ON review_comments (site_id, author_id, submitted_at);
        CREATE INDEX IF NOT EXISTS ix_review_comments_article ON review_comments (site_id, article_id, submitted_at);
        CREATE INDEX IF NOT EXISTS ix_review_comments_parent ON review_comments (parent_id) WHERE parent_id IS NOT NULL;

        CREATE TABLE IF NOT EXISTS review_bulk_actions (
            id            TEXT    NOT NULL PRIMARY KEY,
            site_id       TEXT    NOT NULL,
            moderator     TEXT    NOT NULL,
            action        TEXT    NOT NULL,
            count         INTEGER NOT NULL,
            ids           TEXT    NOT NULL,
            created_at    INTEGER NOT NULL,
            undo_until    INTEGER NOT NULL,
            undone_at     INTEGER NULL
        );
        CREATE INDEX IF NOT EXISTS ix_review_bulk_actions_site ON review_bulk_actions (site_id, undo_until);

        CREATE TABLE IF NOT EXISTS review_articles (
            site_id         TEXT    NOT NULL,
            article_id      TEXT    NOT NULL,
            title           TEXT    NULL,
            url             TEXT    NULL,
            section         TEXT    NULL,
            context_at      INTEGER NULL,
            mode            TEXT    NULL,
            mode_reason     TEXT    NULL,
            mode_changed_at INTEGER NULL,
            mode_until      INTEGER NULL,
            PRIMARY KEY (site_id, article_id)
        ) WITHOUT ROWID;
        """;
}
