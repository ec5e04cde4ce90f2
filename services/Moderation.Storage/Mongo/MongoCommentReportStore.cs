using Moderation.Storage.Mongo.Documents;
using Moderation.Storage.Reports;
using MongoDB.Driver;

namespace Moderation.Storage.Mongo;

internal sealed class MongoCommentReportStore(MongoDatabaseContext context) : ICommentReportStore
{
    private static readonly FilterDefinitionBuilder<CommentReportDocument> Filter = Builders<CommentReportDocument>.Filter;

    public async Task<ReportTally> AddAsync(CommentReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var added = await context.TryInsertAsync(context.CommentReports, CommentReportDocument.From(report), cancellationToken)
            .ConfigureAwait(false);
        var open = await context.RunAsync(
            token => context.CommentReports.CountDocumentsAsync(Open(report.CommentId), cancellationToken: token),
            cancellationToken).ConfigureAwait(false);
        return new ReportTally(added, (int)open);
    }

    public Task<int> CloseAsync(Guid commentId, CancellationToken cancellationToken = default) =>
        context.RunAsync(
            async token =>
            {
                var result = await context.CommentReports.UpdateManyAsync(
                    Open(commentId), Builders<CommentReportDocument>.Update.Set(d => d.Closed, true), cancellationToken: token)
                    .ConfigureAwait(false);
                return (int)result.ModifiedCount;
            },
            cancellationToken);

    private static FilterDefinition<CommentReportDocument> Open(Guid commentId) =>
        Filter.Eq(d => d.CommentId, commentId) & Filter.Eq(d => d.Closed, false);
}
