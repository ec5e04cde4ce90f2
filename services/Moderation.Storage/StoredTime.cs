namespace Moderation.Storage;

/// <summary>
/// Every store keeps times as whole UTC milliseconds (BSON dates cannot hold more), so SQLite truncates the same way
/// and both pass one contract suite.
/// </summary>
public static class StoredTime
{
    /// <summary>The time as the stores keep it; stamp times with this so what a message carries equals what is stored.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value) => FromMilliseconds(ToMilliseconds(value));

    public static long ToMilliseconds(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromMilliseconds(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);

    public static DateTime ToUtcDateTime(DateTimeOffset value) => FromMilliseconds(ToMilliseconds(value)).UtcDateTime;

    public static DateTimeOffset FromUtcDateTime(DateTime value) =>
        new(DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeSpan.Zero);
}
