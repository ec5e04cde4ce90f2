namespace Moderation.Ingestion.Submissions;

public enum SubmitOutcome
{
    /// <summary>
    /// The comment and its outgoing event are stored (now or on an earlier try with the same key); the submission relay
    /// delivers the event to the broker, now or once it is back.
    /// </summary>
    Accepted,

    /// <summary>The Idempotency-Key was used before with a different request.</summary>
    KeyReusedWithDifferentRequest,

    /// <summary>parentId names no comment of this article.</summary>
    UnknownParent,
}
