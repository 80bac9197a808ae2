namespace Vigil.Storage.Audit;

/// <summary>One entry of the audit log as stored.</summary>
/// <param name="Id">Position in the chain, from 1, without gaps.</param>
/// <param name="Time">When it was recorded.</param>
/// <param name="Actor">Who.</param>
/// <param name="Action">What.</param>
/// <param name="Target">To what, or null.</param>
/// <param name="Ip">From where, or null.</param>
/// <param name="Detail">A short note, or null.</param>
/// <param name="PreviousHash">The previous entry's hash (32 zero bytes for the first).</param>
/// <param name="Hash">SHA-256 over this entry's fields and <paramref name="PreviousHash"/> (see <see cref="AuditChain"/>).</param>
public sealed record AuditRecord(
    long Id,
    DateTimeOffset Time,
    string Actor,
    string Action,
    string? Target,
    string? Ip,
    string? Detail,
    byte[] PreviousHash,
    byte[] Hash);
