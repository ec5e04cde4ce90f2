using Moderation.Review.Tests.Infrastructure;

namespace Moderation.Review.Tests.Api;

/// <summary>Article context, thread, article view and takedown on the composed host as <c>dotnet run</c> starts it (SQLite).</summary>
[Collection(ReviewHostCollection.Name)]
public sealed class SqliteArticleTests(ReviewHost host) : ArticleTests(host);
