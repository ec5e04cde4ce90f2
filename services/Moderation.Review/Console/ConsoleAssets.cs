using System.Collections.Frozen;
using System.Security.Cryptography;

namespace Moderation.Review.Console;

/// <summary>
/// The console's static files, embedded in this assembly (logical names <c>console/…</c>), read once at start.
/// Served from memory by whichever host maps the Review module, so both hosts serve identical files.
/// </summary>
public sealed class ConsoleAssets
{
    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary();

    private readonly FrozenDictionary<string, ConsoleAsset> _assets;

    public ConsoleAssets()
    {
        var assembly = typeof(ConsoleAssets).Assembly;
        var assets = new Dictionary<string, ConsoleAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(name => name.StartsWith("console/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            var path = name["console/".Length..].Replace('\\', '/');
            assets[path] = new ConsoleAsset(
                bytes,
                ContentTypes.GetValueOrDefault(Path.GetExtension(path), "application/octet-stream"),
                $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\"");
        }

        _assets = assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public ConsoleAsset? Find(string path) => _assets.GetValueOrDefault(path.Length == 0 ? "index.html" : path);
}
