namespace Moderation.Ingestion.Reports;

public enum ReportOutcome
{
    Accepted,
    NotFound,
    BrokerUnavailable,
}
