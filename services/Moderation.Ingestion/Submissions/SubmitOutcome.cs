namespace Moderation.Ingestion.Submissions;

public enum SubmitOutcome
{
    /// <summary>The broker confirmed the comment's event (now or on an earlier try with the same key).</summary>
    Accepted,

    /// <summary>The Idempotency-Key was used before with a different request.</summary>
    KeyReusedWithDifferentRequest,

    /// <summary>The broker did not confirm in time; nothing was accepted.</summary>
    BrokerUnavailable,

    /// <summary>parentId names no comment of this article.</summary>
    UnknownParent,
}
