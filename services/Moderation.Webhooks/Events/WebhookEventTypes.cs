namespace Moderation.Webhooks.Events;

/// <summary>The <c>type</c> of every event a site may receive (<c>docs/webhooks.md</c> describes each).</summary>
public static class WebhookEventTypes
{
    /// <summary>The rules approved the comment; it is published.</summary>
    public const string CommentApproved = "comment.approved";

    /// <summary>The rules held the comment for a moderator.</summary>
    public const string CommentFlagged = "comment.flagged";

    /// <summary>The rules rejected the comment.</summary>
    public const string CommentRejected = "comment.rejected";

    /// <summary>A moderator approved or rejected a held comment; <c>decision.outcome</c> says which.</summary>
    public const string CommentDecided = "comment.decided";

    /// <summary>A reader reported a comment; <c>report</c> says who, why, how many so far, and whether it is in review or hidden.</summary>
    public const string CommentReported = "comment.reported";

    /// <summary>A moderator removed a published comment (took back an approval, or removed a reported comment).</summary>
    public const string CommentTakenDown = "comment.taken_down";
    public const string CommentEdited = "comment.edited";
    /// <summary>The author deleted the comment: it is off its article and every queue for good; its replies stay.</summary>
    public const string CommentDeleted = "comment.deleted";
    public const string AuthorBanned = "author.banned";
    public const string AuthorErased = "author.erased";
    /// <summary>An article's mode changed (an editor, a surge starting or ending); <c>article</c> says to what and why.</summary>
    public const string ArticleModeChanged = "article.mode_changed";
}
