using Moderation.Contracts;

namespace Moderation.Storage.Publishing;

/// <summary>
/// Where a decision on a comment stands among all decisions on it: by <see cref="Sequence"/> (the rules engine 0, the
/// moderators 1, 2, …), then by <see cref="DecidedAt"/>. A store applies a decision only when it is later than the one
/// it last applied, so a redelivered or out-of-order event never undoes a newer one.
/// </summary>
public readonly record struct DecisionVersion(long Sequence, DateTimeOffset DecidedAt) : IComparable<DecisionVersion>
{
    /// <summary>The rules engine's decision, which every moderator decision follows.</summary>
    public static DecisionVersion Of(ModerationDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new(0, StoredTime.Truncate(decision.DecidedAt));
    }

    public static DecisionVersion Of(ModeratorDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new(decision.Sequence, StoredTime.Truncate(decision.DecidedAt));
    }

    public int CompareTo(DecisionVersion other) =>
        Sequence != other.Sequence ? Sequence.CompareTo(other.Sequence) : DecidedAt.UtcTicks.CompareTo(other.DecidedAt.UtcTicks);

    public bool IsLaterThan(DecisionVersion other) => CompareTo(other) > 0;

    public static bool operator <(DecisionVersion left, DecisionVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(DecisionVersion left, DecisionVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(DecisionVersion left, DecisionVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(DecisionVersion left, DecisionVersion right) => left.CompareTo(right) >= 0;
}
