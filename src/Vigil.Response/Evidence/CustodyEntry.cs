namespace Vigil.Response.Evidence;

/// <summary>One entry of the append-only, hash-chained custody log.</summary>
/// <param name="Sequence">1, 2, 3, ... in append order.</param>
/// <param name="At">When.</param>
/// <param name="IncidentId">The incident.</param>
/// <param name="EvidenceId">The evidence item, or null for sealed documents and key rotations.</param>
/// <param name="Action"><c>intake</c>, <c>export</c>, <c>transfer</c>, <c>seal</c>, <c>unseal</c>, <c>rotate</c>, <c>verify</c>.</param>
/// <param name="Actor">Who.</param>
/// <param name="Detail">What (a document kind, a recipient, a hash); never patient data.</param>
/// <param name="PreviousHash">The previous entry's hash (64 zeros for the first), lower-case hex.</param>
/// <param name="Hash">SHA-256 of this entry's canonical fields and <paramref name="PreviousHash"/>, lower-case hex.</param>
public sealed record CustodyEntry(
    long Sequence,
    DateTimeOffset At,
    long IncidentId,
    long? EvidenceId,
    string Action,
    string Actor,
    string Detail,
    string PreviousHash,
    string Hash);
