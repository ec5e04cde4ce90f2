using System.Text.RegularExpressions;

namespace Moderation.Rules.Rules;

/// <summary>Finds links: URLs, bare domains with a common top-level domain, and spelled-out ones (<c>example dot com</c>).</summary>
internal static partial class LinkFinder
{
    private const string TopLevelDomains =
        "com|net|org|info|biz|io|co|ly|me|tv|us|uk|ru|de|fr|es|it|nl|pl|in|cn|br|au|ca|xyz|online|site|club|top|gl|gg|be|to|cc|ws|link|shop|store|app|blog|live|page|fun|vip|win|bid|click|download";

    [GeneratedRegex(
        @"(?:https?://|www\.)[^\s<>""'()\[\]{}]+"
        + @"|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:" + TopLevelDomains + @")\b(?:/[^\s<>""']*)?"
        + @"|\b[a-z0-9][a-z0-9-]*\s?[\(\[\{]?\s?(?:dot|\.)\s?[\)\]\}]?\s?(?:com|net|org|info|io|co|ly|me|tv|ru|xyz)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex LinkPattern();

    public static Regex.ValueMatchEnumerator Find(string text) => LinkPattern().EnumerateMatches(text);

    /// <summary>The host of a found link, lower case, without <c>www.</c>; spelled-out dots read as dots.</summary>
    public static string Host(ReadOnlySpan<char> link)
    {
        var text = link.ToString().ToLowerInvariant();
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            text = text[(scheme + 3)..];
        }

        var path = text.IndexOfAny(['/', '?', '#']);
        if (path >= 0)
        {
            text = text[..path];
        }

        text = SpelledDot().Replace(text, ".");
        return text.StartsWith("www.", StringComparison.Ordinal) ? text[4..] : text;
    }

    [GeneratedRegex(@"\s?[\(\[\{]?\s?(?:dot|\.)\s?[\)\]\}]?\s?", RegexOptions.CultureInvariant)]
    private static partial Regex SpelledDot();

    /// <summary>Whether <paramref name="host"/> is <paramref name="domain"/> or one of its subdomains.</summary>
    public static bool IsWithin(string host, string domain) =>
        host == domain || host.EndsWith(domain, StringComparison.Ordinal) && host[^(domain.Length + 1)] == '.';
}
