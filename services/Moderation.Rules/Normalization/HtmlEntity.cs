namespace Moderation.Rules.Normalization;

/// <summary>
/// Reads an HTML character reference (<c>&amp;#8220;</c>, <c>&amp;#x201C;</c>, <c>&amp;amp;</c>) where a comment holds one:
/// text that passed through a web form or a feed often arrives escaped, and read as characters the reference's digits
/// would join the next word ("&amp;#8220;@name" is a quote before a mention, not a word "8220;@name").
/// </summary>
internal static class HtmlEntity
{
    private const int MaxLength = 10; // "&#1114111;"

    private static readonly Dictionary<string, int> Named = new(StringComparer.Ordinal)
    {
        ["amp"] = '&', ["lt"] = '<', ["gt"] = '>', ["quot"] = '"', ["apos"] = '\'', ["nbsp"] = ' ',
        ["hellip"] = '\u2026', ["ldquo"] = '\u201C', ["rdquo"] = '\u201D', ["lsquo"] = '\u2018', ["rsquo"] = '\u2019',
        ["ndash"] = '\u2013', ["mdash"] = '\u2014',
    };

    /// <summary>Whether a reference starts at <paramref name="index"/> (a '&amp;'); then its code point and its length.</summary>
    public static bool TryRead(string text, int index, out int codePoint, out int length)
    {
        codePoint = 0;
        length = 0;
        var end = text.IndexOf(';', index + 1, Math.Min(MaxLength, text.Length - index - 1));
        if (end < 0 || end - index < 3)
        {
            return false;
        }

        var body = text.AsSpan(index + 1, end - index - 1);
        if (body[0] == '#')
        {
            var hex = body.Length > 1 && body[1] is 'x' or 'X';
            var digits = body[(hex ? 2 : 1)..];
            if (digits.IsEmpty || !int.TryParse(digits, hex ? System.Globalization.NumberStyles.AllowHexSpecifier : System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out codePoint)
                || codePoint is 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF))
            {
                return false;
            }
        }
        else if (!Named.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(body, out codePoint))
        {
            return false;
        }

        length = end - index + 1;
        return true;
    }
}
