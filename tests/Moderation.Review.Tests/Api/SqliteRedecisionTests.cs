using Moderation.Review.Tests.Infrastructure;

namespace Moderation.Review.Tests.Api;

/// <summary>The decided queue and re-decisions on the composed host as <c>dotnet run</c> starts it (SQLite).</summary>
[Collection(ReviewHostCollection.Name)]
public sealed class SqliteRedecisionTests(ReviewHost host) : RedecisionTests(host);
