using System.Globalization;

namespace Moderation.Storage.Review;

/// <summary>Where an audit page ended: the (time, id) of its last entry. Opaque text to clients.</summary>
public sealed record ReviewAuditCursor(DateTimeOffset At, Guid Id)
{
    public override string ToString() =>
        $"{At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}_{Id:N}";

    public static bool TryParse(string? text, out ReviewAuditCursor? cursor)
    {
        cursor = null;
        var parts = text?.Split('_');
        if (parts is not [var at, var id]
            || !long.TryParse(at, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            || !Guid.TryParseExact(id, "N", out var guid))
        {
            return false;
        }

        cursor = new ReviewAuditCursor(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds), guid);
        return true;
    }
}
