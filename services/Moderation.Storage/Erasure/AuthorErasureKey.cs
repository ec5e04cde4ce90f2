using System.Security.Cryptography;
using System.Text;

namespace Moderation.Storage.Erasure;

/// <summary>What is kept of an erased author: a hash of (site, author), never the id itself.</summary>
public static class AuthorErasureKey
{
    /// <summary>The key of the erasure record: lowercase hex SHA-256 of <c>"&lt;site&gt;\n&lt;author&gt;"</c>.</summary>
    public static string For(string siteId, string authorId)
    {
        ArgumentNullException.ThrowIfNull(siteId);
        ArgumentNullException.ThrowIfNull(authorId);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{siteId}\n{authorId}")));
    }

    /// <summary>What replaces the author's id in the rows kept as tombstones (audit entries, placeholders of comments).</summary>
    public static string Tombstone(string siteId, string authorId) => "erased:" + For(siteId, authorId)[..16];
}
