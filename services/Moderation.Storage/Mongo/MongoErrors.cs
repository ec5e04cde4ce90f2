using MongoDB.Driver;

namespace Moderation.Storage.Mongo;

internal static class MongoErrors
{
    private const int DuplicateKeyCode = 11000;

    /// <summary>
    /// A unique index refused the write: an answer (already stored), never retried. Single inserts report it as a
    /// write error, findAndModify as a command error.
    /// </summary>
    public static bool IsDuplicateKey(Exception exception) => exception switch
    {
        MongoWriteException write => write.WriteError?.Category == ServerErrorCategory.DuplicateKey,
        MongoCommandException command => command.Code == DuplicateKeyCode,
        _ => false,
    };
}
