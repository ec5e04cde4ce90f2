using Moderation.Contracts;

namespace Moderation.Storage.Mongo.Documents;

internal sealed class ModeratorDecisionDocument
{
    public string ModeratorId { get; set; } = "";

    public string? Reason { get; set; }

    public DateTime DecidedAt { get; set; }

    /// <summary>The decision's number on its comment (absent on older documents, which held only a first decision).</summary>
    public long Sequence { get; set; } = 1;

    /// <summary>Absent on documents written before moderators could message the commenter.</summary>
    public string? MessageToAuthor { get; set; }

    /// <summary>Absent (false) on documents written before takedowns were told apart from rejections.</summary>
    public bool TakesDown { get; set; }

    public static ModeratorDecisionDocument From(ModeratorDecision decision) => new()
    {
        ModeratorId = decision.ModeratorId,
        Reason = decision.Reason,
        DecidedAt = StoredTime.ToUtcDateTime(decision.DecidedAt),
        Sequence = decision.Sequence,
        MessageToAuthor = decision.MessageToAuthor,
        TakesDown = decision.TakesDown,
    };

    public ModeratorDecision ToRecord() => new(ModeratorId, Reason, StoredTime.FromUtcDateTime(DecidedAt), Sequence, MessageToAuthor, TakesDown);
}
