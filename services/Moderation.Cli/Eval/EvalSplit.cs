using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Moderation.Cli.Eval;

/// <summary>
/// Splits labeled comments by a hash of their text: the same text always falls in the same part, whatever file or
/// order it comes in, and a duplicate row never sits in both parts.
/// </summary>
internal static class EvalSplit
{
    /// <summary>The share of comments in the tuning part, in percent; the rest is the checking part.</summary>
    public const int TuningPercent = 70;

    public static EvalPart PartOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return BinaryPrimitives.ReadUInt32BigEndian(hash) % 100 < TuningPercent ? EvalPart.Tuning : EvalPart.Checking;
    }
}
