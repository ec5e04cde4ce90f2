using System.Buffers;

namespace Moderation.Rules.Rules;

/// <summary>
/// Finds links by scanning, not by regular expression (a pattern for bare domains backtracks on every word):
/// URLs (<c>http://</c>, <c>www.</c>), bare domains with a common top-level domain (<c>example.com/x</c>) and
/// spelled-out ones (<c>example dot com</c>, <c>example(dot)com</c>).
/// </summary>
internal static class LinkFinder
{
    // Top-level domains that are also words ("in", "to", "be", "it", "click") are left out: "list.In" is a missing space.
    private static readonly HashSet<string> TopLevelDomains =
    [
        "com", "net", "org", "info", "biz", "io", "co", "ly", "tv", "uk", "ru", "de", "nl", "pl", "cn", "br", "au", "ca",
        "xyz", "online", "club", "gl", "gg", "cc", "ws", "shop", "store", "app", "blog", "vip",
    ];

    private static readonly SearchValues<char> LinkStarts = SearchValues.Create("hHwW.dD");

    private static readonly HashSet<string> SpelledTopLevelDomains = ["com", "net", "org", "info", "io", "co", "ly", "me", "tv", "ru", "xyz"];

    /// <summary>The links of a text as (start, length, host), in text order.</summary>
    public static IReadOnlyList<(int Start, int Length, string Host)> FindAll(string text)
    {
        if (!MayContainLink(text))
        {
            return [];
        }

        List<(int Start, int Length, string Host)>? links = null;
        var span = text.AsSpan();
        var coveredUntil = 0;
        var i = 0;
        while (i < span.Length)
        {
            // Only these characters start a link: jump from one to the next instead of looking at every character.
            var next = span[i..].IndexOfAny(LinkStarts);
            if (next < 0)
            {
                break;
            }

            i += next;
            var link = span[i] switch
            {
                'h' or 'H' when StartsWithIgnoreCase(span[i..], "http://") || StartsWithIgnoreCase(span[i..], "https://") => Url(span, i),
                'w' or 'W' when StartsWithIgnoreCase(span[i..], "www.") && (i == 0 || !char.IsLetterOrDigit(span[i - 1])) => Url(span, i),
                '.' => BareDomain(span, i, coveredUntil),
                'd' or 'D' => SpelledDomain(span, i, coveredUntil),
                _ => null,
            };

            if (link is { } found)
            {
                links ??= [];
                links.Add((found.Start, found.End - found.Start, found.Host));
                coveredUntil = found.End;
                i = found.End;
            }
            else
            {
                i++;
            }
        }

        return links is null ? [] : links;
    }

    /// <summary>
    /// Vectorised searches that rule out most comments before the character scan: a link needs "://", "www.",
    /// a dot directly followed by a letter, or a spelled-out "dot".
    /// </summary>
    private static bool MayContainLink(string text)
    {
        var span = text.AsSpan();
        if (span.Contains("://", StringComparison.Ordinal) || span.Contains("www.", StringComparison.OrdinalIgnoreCase)
            || span.Contains("dot", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var offset = 0;
        while (true)
        {
            var dot = span[offset..].IndexOf('.');
            if (dot < 0)
            {
                return false;
            }

            var at = offset + dot;
            if (at > 0 && at + 1 < span.Length && char.IsAsciiLetter(span[at + 1]) && IsHostChar(span[at - 1]))
            {
                return true;
            }

            offset = at + 1;
        }
    }

    /// <summary>Whether <paramref name="host"/> is <paramref name="domain"/> or one of its subdomains.</summary>
    public static bool IsWithin(string host, string domain) =>
        host == domain || host.EndsWith(domain, StringComparison.Ordinal) && host[^(domain.Length + 1)] == '.';

    private static bool StartsWithIgnoreCase(ReadOnlySpan<char> span, string prefix) =>
        span.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);

    private static bool IsHostChar(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-';

    private static bool EndsUrl(char c) => char.IsWhiteSpace(c) || c is '<' or '>' or '"' or '\'' or '(' or ')' or '[' or ']' or '{' or '}';

    /// <summary>A URL, or null when no whole host follows the scheme ("http://…" or "http://t.c…" of a truncated tweet).</summary>
    private static (int Start, int End, string Host)? Url(ReadOnlySpan<char> span, int start)
    {
        var end = PathEnd(span, start);
        var link = span[start..end];
        var scheme = link.IndexOf("://", StringComparison.Ordinal);
        var host = scheme >= 0 ? link[(scheme + 3)..] : link;
        var hostLength = 0;
        while (hostLength < host.Length && (IsHostChar(host[hostLength]) || host[hostLength] == '.'))
        {
            hostLength++;
        }

        var cut = host[hostLength..];
        if (cut.StartsWith('\u2026') || cut.StartsWith("&#8230", StringComparison.Ordinal) || cut.StartsWith("&hellip", StringComparison.Ordinal))
        {
            return null; // the host itself was cut short ("http://t.c…" of a shortened quote): nobody can follow it
        }

        host = host[..hostLength].TrimEnd('.');
        if (host.IndexOf('.') <= 0)
        {
            return null;
        }

        var hostText = host.ToString().ToLowerInvariant();
        return (start, end, hostText.StartsWith("www.", StringComparison.Ordinal) ? hostText[4..] : hostText);
    }

    /// <summary>Where a URL ends: at whitespace or a bracket, without the sentence punctuation after it.</summary>
    private static int PathEnd(ReadOnlySpan<char> span, int start)
    {
        var end = start;
        while (end < span.Length && !EndsUrl(span[end]))
        {
            end++;
        }

        while (end > start + 1 && span[end - 1] is '.' or ',' or ';' or ':' or '!' or '?')
        {
            end--;
        }

        return end;
    }

    private static (int Start, int End, string Host)? BareDomain(ReadOnlySpan<char> span, int dot, int coveredUntil)
    {
        if (dot == 0 || !IsHostChar(span[dot - 1]) || dot + 1 >= span.Length || !char.IsAsciiLetter(span[dot + 1]))
        {
            return null;
        }

        var labelEnd = dot + 1;
        while (labelEnd < span.Length && char.IsAsciiLetter(span[labelEnd]))
        {
            labelEnd++;
        }

        if (labelEnd < span.Length && (IsHostChar(span[labelEnd]) || span[labelEnd] == '.' && labelEnd + 1 < span.Length && IsHostChar(span[labelEnd + 1])))
        {
            return null; // not the last label: a later dot will be looked at
        }

        if (!TopLevelDomains.Contains(span[(dot + 1)..labelEnd].ToString().ToLowerInvariant()))
        {
            return null;
        }

        var start = dot;
        while (start > coveredUntil && (IsHostChar(span[start - 1]) || span[start - 1] == '.'))
        {
            start--;
        }

        while (start < dot && !char.IsAsciiLetterOrDigit(span[start]))
        {
            start++;
        }

        var host = span[start..labelEnd].ToString().ToLowerInvariant();
        var end = labelEnd < span.Length && span[labelEnd] == '/' ? PathEnd(span, labelEnd) : labelEnd;

        return (start, end, host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host);
    }

    private static (int Start, int End, string Host)? SpelledDomain(ReadOnlySpan<char> span, int d, int coveredUntil)
    {
        if (!StartsWithIgnoreCase(span[d..], "dot") || d > 0 && char.IsLetterOrDigit(span[d - 1]) && span[d - 1] is not ('(' or '['))
        {
            if (d == 0 || char.IsLetterOrDigit(span[d - 1]) || !StartsWithIgnoreCase(span[d..], "dot"))
            {
                return null;
            }
        }

        var after = d + 3;
        if (after < span.Length && char.IsLetterOrDigit(span[after]))
        {
            return null;
        }

        // Skip "] ", ") " or " " between "dot" and the top-level domain.
        var tldStart = after;
        while (tldStart < span.Length && tldStart - after < 3 && (span[tldStart] is ' ' or ')' or ']' or '}'))
        {
            tldStart++;
        }

        var tldEnd = tldStart;
        while (tldEnd < span.Length && char.IsAsciiLetter(span[tldEnd]))
        {
            tldEnd++;
        }

        if (tldEnd == tldStart || tldEnd < span.Length && char.IsLetterOrDigit(span[tldEnd])
            || !SpelledTopLevelDomains.Contains(span[tldStart..tldEnd].ToString().ToLowerInvariant()))
        {
            return null;
        }

        // The label before: skip " ", " (", "(" or " [" back to a word.
        var labelEnd = d;
        while (labelEnd > coveredUntil && d - labelEnd < 3 && span[labelEnd - 1] is ' ' or '(' or '[' or '{')
        {
            labelEnd--;
        }

        var labelStart = labelEnd;
        while (labelStart > coveredUntil && IsHostChar(span[labelStart - 1]))
        {
            labelStart--;
        }

        if (labelStart == labelEnd)
        {
            return null;
        }

        var host = span[labelStart..labelEnd].ToString().ToLowerInvariant() + "." + span[tldStart..tldEnd].ToString().ToLowerInvariant();
        return (labelStart, tldEnd, host);
    }
}
