namespace Vigil.Web.Api.Audit;

/// <summary>The chain's verification: intact with the number of entries and the head hash, or the first broken entry and why.</summary>
internal sealed record AuditChainStatus(bool Intact, long Checked, long? BrokenAt, string? Reason, string HeadHash);
