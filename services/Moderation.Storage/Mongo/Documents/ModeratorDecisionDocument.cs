using Moderation.Contracts;

namespace Moderation.Storage.Mongo.Documents;

internal sealed class ModeratorDecisionDocument
{
    public string ModeratorId { get; set; } = "";

    public string? Reason { get; set; }

    public DateTime DecidedAt { get; set; }

    public static ModeratorDecisionDocument From(ModeratorDecision decision) => new()
    {
        ModeratorId = decision.ModeratorId,
        Reason = decision.Reason,
        DecidedAt = StoredTime.ToUtcDateTime(decision.DecidedAt),
    };

    public ModeratorDecision ToRecord() => new(ModeratorId, Reason, StoredTime.FromUtcDateTime(DecidedAt));
}
