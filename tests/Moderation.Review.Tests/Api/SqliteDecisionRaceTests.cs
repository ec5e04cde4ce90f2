using Moderation.Review.Tests.Infrastructure;

namespace Moderation.Review.Tests.Api;

/// <summary>The decision race on the composed host as <c>dotnet run</c> starts it (SQLite).</summary>
[Collection(ReviewHostCollection.Name)]
public sealed class SqliteDecisionRaceTests(ReviewHost host) : DecisionRaceTests(host);
