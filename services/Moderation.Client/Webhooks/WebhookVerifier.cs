using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Moderation.Client.Webhooks;

/// <summary>
/// Checks a webhook request the way a receiver must: the <c>Moderation-Signature</c> header holds
/// <c>t=&lt;unix seconds&gt;,v1=&lt;hex&gt;[,v1=&lt;hex&gt;]</c>, the HMAC-SHA256 of <c>"&lt;t&gt;.&lt;raw body&gt;"</c> with
/// each of the site's current secrets. A request is genuine when one <c>v1</c> matches one secret the receiver knows and
/// <c>t</c> is recent (default: within 5 minutes), which stops a captured request being replayed later.
/// </summary>
public static class WebhookVerifier
{
    /// <summary>The request header that carries the signature.</summary>
    public const string SignatureHeader = "Moderation-Signature";
    /// <summary>The request header that carries the event's id (also in the body): the key to deduplicate on.</summary>
    public const string EventIdHeader = "Moderation-Event-Id";

    /// <summary>How far the signature's timestamp may be from now: 5 minutes.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    /// <summary>True when <paramref name="signatureHeader"/> signs <paramref name="rawBody"/> (the bytes as received, as UTF-8 text).</summary>
    public static bool IsValid(
        string rawBody, string? signatureHeader, IEnumerable<string> secrets, TimeSpan? tolerance = null, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(rawBody);
        ArgumentNullException.ThrowIfNull(secrets);
        if (string.IsNullOrEmpty(signatureHeader))
        {
            return false;
        }

        string? timestamp = null;
        var signatures = new List<byte[]>();
        foreach (var part in signatureHeader.Split(','))
        {
            var pair = part.Trim().Split('=', 2);
            if (pair.Length != 2)
            {
                continue;
            }

            if (pair[0] == "t")
            {
                timestamp = pair[1];
            }
            else if (pair[0] == "v1" && pair[1].Length == 64)
            {
                try
                {
                    signatures.Add(Convert.FromHexString(pair[1]));
                }
                catch (FormatException)
                {
                }
            }
        }

        if (timestamp is null || signatures.Count == 0 ||
            !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        var age = (now ?? DateTimeOffset.UtcNow) - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (age.Duration() > (tolerance ?? DefaultTolerance))
        {
            return false;
        }

        var signed = Encoding.UTF8.GetBytes($"{timestamp}.{rawBody}");
        foreach (var secret in secrets)
        {
            var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
            if (signatures.Any(candidate => CryptographicOperations.FixedTimeEquals(candidate, expected)))
            {
                return true;
            }
        }

        return false;
    }
}
