using MongoDB.Bson.Serialization.Conventions;

namespace Moderation.Storage.Mongo;

/// <summary>
/// Mapping rules for every document of this assembly, registered once before the first collection is used. Unknown
/// fields are ignored on read, so a replica still on the previous version reads documents a newer one wrote with an
/// added field (a rolling upgrade) instead of failing the whole page.
/// </summary>
internal static class MongoConventions
{
    private const string PackName = "Moderation.Storage";

    private static readonly Lazy<bool> Registered = new(() =>
    {
        var pack = new ConventionPack { new IgnoreExtraElementsConvention(true) };
        ConventionRegistry.Register(
            PackName, pack, type => type.Namespace?.StartsWith(typeof(MongoConventions).Namespace!, StringComparison.Ordinal) == true);
        return true;
    });

    public static void Register() => _ = Registered.Value;
}
