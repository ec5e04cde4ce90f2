using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Moderation.Rules.Normalization;

/// <summary>
/// Folds one code point to the lower-case Latin text it reads as: NFKC (fullwidth, mathematical and circled letters),
/// case folding, diacritics removed, and Cyrillic/Greek/small-capital look-alikes mapped to their Latin twins.
/// Zero-width characters and combining marks fold to the empty string.
/// </summary>
internal static class CharacterFolding
{
    private static readonly string?[] BmpCache = new string?[65536];
    private static readonly ConcurrentDictionary<int, string> SupplementaryCache = new();

    // Upper-case look-alikes that lower-case to a letter reading differently (Greek Eta reads H, its lower case reads n).
    private static readonly Dictionary<char, string> BeforeLowerCase = new()
    {
        ['Α'] = "a", ['Β'] = "b", ['Ε'] = "e", ['Ζ'] = "z", ['Η'] = "h", ['Ι'] = "i", ['Κ'] = "k", ['Μ'] = "m",
        ['Ν'] = "n", ['Ο'] = "o", ['Ρ'] = "p", ['Τ'] = "t", ['Υ'] = "y", ['Χ'] = "x",
        ['В'] = "b", ['Н'] = "h", ['М'] = "m", ['Т'] = "t", ['К'] = "k", ['Р'] = "p", ['С'] = "c", ['Х'] = "x",
        ['А'] = "a", ['Е'] = "e", ['О'] = "o", ['Ѕ'] = "s", ['І'] = "i", ['Ј'] = "j", ['Ү'] = "y", ['Ь'] = "b",
    };

    private static readonly Dictionary<char, string> AfterLowerCase = new()
    {
        // Cyrillic
        ['а'] = "a", ['в'] = "b", ['е'] = "e", ['ё'] = "e", ['к'] = "k", ['м'] = "m", ['н'] = "h", ['о'] = "o",
        ['р'] = "p", ['с'] = "c", ['т'] = "t", ['у'] = "y", ['х'] = "x", ['ѕ'] = "s", ['і'] = "i", ['ї'] = "i",
        ['ј'] = "j", ['ԁ'] = "d", ['һ'] = "h", ['ӏ'] = "l", ['ԛ'] = "q", ['ԝ'] = "w", ['ш'] = "w", ['щ'] = "w",
        ['ь'] = "b", ['ъ'] = "b", ['п'] = "n", ['и'] = "u", ['й'] = "u", ['г'] = "r", ['ү'] = "y", ['ɡ'] = "g",
        ['б'] = "b", ['д'] = "d", ['з'] = "e", ['л'] = "n", ['ц'] = "u", ['ч'] = "y", ['я'] = "r", ['э'] = "e",

        // Greek
        ['α'] = "a", ['β'] = "b", ['γ'] = "y", ['δ'] = "d", ['ε'] = "e", ['ζ'] = "z", ['η'] = "n", ['ι'] = "i",
        ['κ'] = "k", ['μ'] = "u", ['ν'] = "v", ['ο'] = "o", ['π'] = "n", ['ρ'] = "p", ['σ'] = "o", ['ς'] = "c",
        ['τ'] = "t", ['υ'] = "u", ['χ'] = "x", ['ω'] = "w", ['θ'] = "o",

        // Latin letters without a decomposition, and small capitals
        ['ı'] = "i", ['ł'] = "l", ['ø'] = "o", ['đ'] = "d", ['ħ'] = "h", ['ŧ'] = "t", ['ƒ'] = "f", ['ß'] = "ss",
        ['æ'] = "ae", ['œ'] = "oe", ['ð'] = "d", ['ɑ'] = "a", ['ɩ'] = "i", ['ʏ'] = "y", ['ɪ'] = "i", ['ʀ'] = "r",
        ['ᴀ'] = "a", ['ʙ'] = "b", ['ᴄ'] = "c", ['ᴅ'] = "d", ['ᴇ'] = "e", ['ɢ'] = "g", ['ʜ'] = "h", ['ᴊ'] = "j",
        ['ᴋ'] = "k", ['ʟ'] = "l", ['ᴍ'] = "m", ['ɴ'] = "n", ['ᴏ'] = "o", ['ᴘ'] = "p", ['ꜱ'] = "s", ['ᴛ'] = "t",
        ['ᴜ'] = "u", ['ʂ'] = "s", ['ʃ'] = "f", ['ҳ'] = "x", ['ʝ'] = "j", ['ғ'] = "f", ['զ'] = "q", ['օ'] = "o",
        ['ɾ'] = "r", ['ս'] = "u", ['ռ'] = "n", ['հ'] = "h", ['ց'] = "g", ['ք'] = "p", ['ɛ'] = "e", ['ʐ'] = "z", ['ƈ'] = "c", ['ɗ'] = "d", ['ɓ'] = "b", ['ƙ'] = "k", ['ʋ'] = "v", ['ᴠ'] = "v", ['ᴡ'] = "w", ['ᴢ'] = "z", ['ǝ'] = "e", ['ɐ'] = "a", ['ɔ'] = "c",

        // Currency and other symbols read as letters
        ['€'] = "e", ['¢'] = "c", ['¥'] = "y", ['©'] = "c", ['®'] = "r", ['∂'] = "d", ['×'] = "x", ['¡'] = "!",
    };

    /// <summary>Folds a code point of the Basic Multilingual Plane.</summary>
    public static string Fold(char c)
    {
        if (c < 128)
        {
            return AsciiFold(c);
        }

        return BmpCache[c] ??= Compute(c.ToString());
    }

    /// <summary>Folds a code point outside the Basic Multilingual Plane (mathematical alphanumerics, enclosed letters, emoji).</summary>
    public static string Fold(int codePoint) => SupplementaryCache.GetOrAdd(codePoint, static cp => ComputeSupplementary(cp));

    private static readonly string[] AsciiTable = BuildAscii();

    private static string AsciiFold(char c) => AsciiTable[c];

    private static string[] BuildAscii()
    {
        var table = new string[128];
        for (var c = 0; c < 128; c++)
        {
            table[c] = c is >= 'A' and <= 'Z' ? ((char)(c + 32)).ToString() : ((char)c).ToString();
        }

        return table;
    }

    private static string ComputeSupplementary(int codePoint)
    {
        // Regional indicators and negative circled/squared capitals have no compatibility decomposition.
        if (codePoint is >= 0x1F1E6 and <= 0x1F1FF)
        {
            return ((char)('a' + (codePoint - 0x1F1E6))).ToString();
        }

        if (codePoint is >= 0x1F150 and <= 0x1F169)
        {
            return ((char)('a' + (codePoint - 0x1F150))).ToString();
        }

        if (codePoint is >= 0x1F170 and <= 0x1F189)
        {
            return ((char)('a' + (codePoint - 0x1F170))).ToString();
        }

        if (codePoint is >= 0xE0000 and <= 0xE007F)
        {
            return string.Empty; // tag characters are invisible
        }

        return Compute(char.ConvertFromUtf32(codePoint));
    }

    private static string Compute(string codePoint)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(codePoint, 0);
        if (category is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.Control)
        {
            return codePoint is "\n" or "\r" or "\t" ? " " : string.Empty;
        }

        if (category is UnicodeCategory.Surrogate)
        {
            return " ";
        }

        if (codePoint.Length == 1 && BeforeLowerCase.TryGetValue(codePoint[0], out var early))
        {
            return early;
        }

        string compatible;
        try
        {
            compatible = codePoint.Normalize(NormalizationForm.FormKC).ToLowerInvariant().Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            return " ";
        }

        var builder = new StringBuilder(compatible.Length);
        foreach (var ch in compatible)
        {
            var chCategory = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (chCategory is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.Format)
            {
                continue;
            }

            if (AfterLowerCase.TryGetValue(ch, out var mapped))
            {
                builder.Append(mapped);
            }
            else if (ch < 128 && ch is >= 'A' and <= 'Z')
            {
                builder.Append((char)(ch + 32));
            }
            else
            {
                builder.Append(ch);
            }
        }

        return builder.ToString();
    }
}
