namespace Vigil.Web.Api.Audit;

/// <summary>The chain's verification: intact with the number of entries and the head hash, or the first broken entry and why.</summary>
/// <param name="Intact">Whether every entry up to the head verified.</param>
/// <param name="Checked">Entries known intact (from the first), before the break when broken.</param>
/// <param name="BrokenAt">The first broken entry, or null.</param>
/// <param name="Reason">What is wrong there, or null.</param>
/// <param name="HeadHash">The recorded head's hash as hex.</param>
/// <param name="Full">Whether this check walked the whole chain (else only entries after the last verified one).</param>
/// <param name="Walked">Entries this check read and verified.</param>
/// <param name="CheckedAt">When this check ran.</param>
/// <param name="FullCheckedAt">When the whole chain was last walked by this server, or null.</param>
internal sealed record AuditChainStatus(
    bool Intact, long Checked, long? BrokenAt, string? Reason, string HeadHash, bool Full, long Walked, DateTimeOffset CheckedAt, DateTimeOffset? FullCheckedAt);
