using System.Security.Cryptography;
using System.Text;

namespace Moderation.Review.Auth;

/// <summary>
/// API tokens: 32 random bytes behind a recognisable prefix. Only a SHA-256 is stored; a fast hash is enough because
/// the token has 256 bits of entropy (unlike a password, it cannot be guessed from a dictionary).
/// </summary>
public static class ReviewTokens
{
    public const string Prefix = "mrt_";

    public static string Create() => Prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
