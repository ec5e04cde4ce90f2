using MongoDB.Driver;

namespace Moderation.Storage.Mongo;

internal static class MongoErrors
{
    private const int DuplicateKeyCode = 11000;
    private const int BadValueCode = 2;
    private const int IndexOptionsConflictCode = 85;
    private const int IndexKeySpecsConflictCode = 86;

    /// <summary>An index of that name exists with other options (a changed TTL): alter it, do not fail the start.</summary>
    public static bool IsIndexOptionsConflict(MongoCommandException exception) =>
        exception.Code is IndexOptionsConflictCode or IndexKeySpecsConflictCode;

    /// <summary>The hinted index does not exist (dropped, or a restore without indexes).</summary>
    public static bool IsMissingHintIndex(Exception exception) =>
        exception is MongoCommandException { Code: BadValueCode } command
        && command.Message.Contains("hint", StringComparison.OrdinalIgnoreCase);

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
