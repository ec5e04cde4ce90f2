namespace Moderation.Client.Models;

/// <summary>Why a reader reports a comment.</summary>
public enum ReportReason
{
    /// <summary>Advertising, scams, repeated links.</summary>
    Spam,

    /// <summary>Insults, threats, hate.</summary>
    Abuse,

    /// <summary>Not about the article.</summary>
    OffTopic,

    /// <summary>Anything else; say what in the note.</summary>
    Other,
}
