using Moderation.Storage.Reports;

namespace Moderation.Ingestion.Reports;

public sealed record ReportResult(ReportOutcome Outcome, ReportTally? Tally = null);
