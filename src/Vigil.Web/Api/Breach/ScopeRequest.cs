namespace Vigil.Web.Api.Breach;

/// <summary>Scope the breach from an evidence item or a discovery scan (one of the two).</summary>
/// <param name="EvidenceId">The incident's evidence item (a mailbox export).</param>
/// <param name="ScanId">A data discovery scan (its path is scanned again).</param>
internal sealed record ScopeRequest(long? EvidenceId, long? ScanId);
