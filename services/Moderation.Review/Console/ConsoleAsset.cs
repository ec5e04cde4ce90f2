namespace Moderation.Review.Console;

public sealed record ConsoleAsset(byte[] Content, string ContentType, string ETag);
