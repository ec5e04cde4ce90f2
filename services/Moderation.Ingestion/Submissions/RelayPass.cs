namespace Moderation.Ingestion.Submissions;

/// <summary>What one relay pass did: comments claimed, and of those, confirmed by the broker.</summary>
public readonly record struct RelayPass(int Claimed, int Sent);
