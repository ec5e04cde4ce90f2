namespace Moderation.Storage.Review;

public enum ReviewQueueOrder
{
    /// <summary>Queued first, reviewed first.</summary>
    OldestFirst,

    /// <summary>Queued last, shown first.</summary>
    NewestFirst,

    /// <summary>The engine's highest score first (the most severe hits), then oldest.</summary>
    HighestScoreFirst,
}
