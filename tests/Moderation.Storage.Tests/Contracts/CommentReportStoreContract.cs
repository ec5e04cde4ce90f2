using Moderation.Storage.Reports;
using Moderation.Storage.Tests.Fixtures;

namespace Moderation.Storage.Tests.Contracts;

public abstract class CommentReportStoreContract : StoreContract
{
    private ICommentReportStore Store => Stores.CommentReports;

    private static CommentReport Report(Guid commentId, string reporter, string reason = "spam") =>
        new(commentId, "site-reports", reporter, reason, null, TestData.BaseTime);

    [SkippableFact]
    public async Task A_reporter_counts_once_and_each_other_reporter_adds_one()
    {
        var comment = Guid.NewGuid();

        Assert.Equal(new ReportTally(true, 1), await Store.AddAsync(Report(comment, "r1")));
        Assert.Equal(new ReportTally(false, 1), await Store.AddAsync(Report(comment, "r1", "abuse")));
        Assert.Equal(new ReportTally(true, 2), await Store.AddAsync(Report(comment, "r2")));
        Assert.Equal(new ReportTally(true, 1), await Store.AddAsync(Report(Guid.NewGuid(), "r1")));
    }

    [SkippableFact]
    public async Task The_same_report_sent_many_times_at_once_counts_once()
    {
        var comment = Guid.NewGuid();

        var tallies = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Store.AddAsync(Report(comment, "racer"))));

        Assert.Single(tallies, tally => tally.Added);
        Assert.All(tallies, tally => Assert.Equal(1, tally.OpenReports));
    }

    [SkippableFact]
    public async Task Closing_resets_the_count_and_a_reporter_who_reported_before_still_counts_once()
    {
        var comment = Guid.NewGuid();
        await Store.AddAsync(Report(comment, "r1"));
        await Store.AddAsync(Report(comment, "r2"));

        Assert.Equal(2, await Store.CloseAsync(comment));
        Assert.Equal(0, await Store.CloseAsync(comment));

        Assert.Equal(new ReportTally(false, 0), await Store.AddAsync(Report(comment, "r1")));
        Assert.Equal(new ReportTally(true, 1), await Store.AddAsync(Report(comment, "r3")));
    }
}
