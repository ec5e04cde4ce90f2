using Moderation.Review.Tests.Infrastructure;

namespace Moderation.Review.Tests.Api;

/// <summary>Desk reports on the composed host as <c>dotnet run</c> starts it (SQLite).</summary>
[Collection(ReviewHostCollection.Name)]
public sealed class SqliteDeskReportTests(ReviewHost host) : DeskReportTests(host);
