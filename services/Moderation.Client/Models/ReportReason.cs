namespace Moderation.Client.Models;

/// <summary>Why a reader reports a comment.</summary>
public enum ReportReason
{
    Spam,
    Abuse,
    OffTopic,
    Other,
}
