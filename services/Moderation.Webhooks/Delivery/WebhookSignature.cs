using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Moderation.Webhooks.Delivery;

/// <summary>
/// <c>Moderation-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;[,v1=&lt;hex&gt;]</c>: the HMAC-SHA256 of
/// <c>"&lt;t&gt;.&lt;raw body&gt;"</c> with each current secret, so a receiver keeps verifying while secrets rotate.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "Moderation-Signature";
    public const string EventIdHeader = "Moderation-Event-Id";

    public static string Create(IEnumerable<string> secrets, DateTimeOffset timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var t = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signed = Encoding.UTF8.GetBytes($"{t}.{body}");
        var header = new StringBuilder("t=").Append(t);
        foreach (var secret in secrets)
        {
            header.Append(",v1=").Append(Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed)));
        }

        return header.ToString();
    }
}
