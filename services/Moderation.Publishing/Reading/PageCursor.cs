using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Moderation.Storage.Publishing;

namespace Moderation.Publishing.Reading;

/// <summary>The opaque <c>cursor</c> of the read API: the (PublishedAt, Id) of the last item served, base64url-encoded.</summary>
public static class PageCursor
{
    public static string Encode(CommentPageCursor cursor) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            $"{cursor.PublishedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}:{cursor.Id:N}"));

    public static bool TryDecode(string value, out CommentPageCursor? cursor)
    {
        cursor = null;
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(value)).Split(':');
            if (parts.Length == 2 &&
                long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds) &&
                milliseconds <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds() &&
                Guid.TryParseExact(parts[1], "N", out var id))
            {
                cursor = new CommentPageCursor(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds), id);
                return true;
            }
        }
        catch (FormatException)
        {
        }

        return false;
    }
}
