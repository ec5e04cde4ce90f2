using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Moderation.Client.Webhooks;

namespace Moderation.Client.Tests;

/// <summary>The verifier's answers on headers built here by hand (the host's own requests are checked in ModerationClientTests).</summary>
public sealed class WebhookVerifierTests
{
    private const string Body = """{"type":"comment.approved","id":"8e1f0c2a-3b4d-8e5f-a6b7-c8d9e0f1a2b3"}""";
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    private static string Sign(DateTimeOffset at, string body, params string[] secrets)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={t}" + string.Concat(secrets.Select(secret =>
            ",v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}")))));
    }

    [Fact]
    public void A_signature_with_either_rotating_secret_verifies_against_a_receiver_that_knows_one()
    {
        var header = Sign(Now, Body, "new-secret-0000000001", "old-secret-0000000001");
        Assert.True(WebhookVerifier.IsValid(Body, header, ["old-secret-0000000001"], now: Now));
        Assert.True(WebhookVerifier.IsValid(Body, header, ["new-secret-0000000001"], now: Now));
        Assert.False(WebhookVerifier.IsValid(Body, header, ["some-other-secret-0001"], now: Now));
    }

    [Theory]
    [InlineData("tampered")]
    [InlineData("stale")]
    [InlineData("future")]
    [InlineData("no-timestamp")]
    [InlineData("garbage")]
    [InlineData("empty")]
    public void A_tampered_stale_or_malformed_request_is_refused(string kind)
    {
        const string secret = "site-secret-0000000001";
        var (body, header) = kind switch
        {
            "tampered" => (Body.Replace("approved", "rejected", StringComparison.Ordinal), Sign(Now, Body, secret)),
            "stale" => (Body, Sign(Now.AddMinutes(-6), Body, secret)),
            "future" => (Body, Sign(Now.AddMinutes(6), Body, secret)),
            "no-timestamp" => (Body, Sign(Now, Body, secret).Split(',', 2)[1]),
            "garbage" => (Body, "t=abc,v1=zz"),
            _ => (Body, ""),
        };
        Assert.False(WebhookVerifier.IsValid(body, header, [secret], now: Now));
        Assert.True(WebhookVerifier.IsValid(Body, Sign(Now.AddMinutes(-4), Body, secret), [secret], now: Now));
    }
}
