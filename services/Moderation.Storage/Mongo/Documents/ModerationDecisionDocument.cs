using Moderation.Contracts;
using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Moderation.Storage.Mongo.Documents;

internal sealed class ModerationDecisionDocument
{
    [BsonRepresentation(BsonType.String)]
    public DecisionOutcome Outcome { get; set; }

    public double Score { get; set; }

    public List<RuleHitDocument> Hits { get; set; } = [];

    public string RulesetVersion { get; set; } = "";

    public DateTime DecidedAt { get; set; }

    public static ModerationDecisionDocument From(ModerationDecision decision) => new()
    {
        Outcome = decision.Outcome,
        Score = decision.Score,
        Hits = [.. decision.Hits.Select(RuleHitDocument.From)],
        RulesetVersion = decision.RulesetVersion,
        DecidedAt = StoredTime.ToUtcDateTime(decision.DecidedAt),
    };

    public ModerationDecision ToRecord() =>
        new(Outcome, Score, [.. Hits.Select(hit => hit.ToRecord())], RulesetVersion, StoredTime.FromUtcDateTime(DecidedAt));
}
