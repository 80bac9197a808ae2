namespace Vigil.Storage.Audit;

/// <summary>Something to record in the audit log; the log adds the time, the id and the hashes.</summary>
/// <param name="Actor">Who did it: <c>user:NAME</c>, <c>token:ID</c>, <c>cli:NAME</c>, or a name that failed to sign in.</param>
/// <param name="Action">What, one of <see cref="AuditActions"/> (or a later module's own word).</param>
/// <param name="Target">What it was done to (a user, a token id, a finding id, a setting), or null. Never patient data.</param>
/// <param name="Ip">The client's address, or null (command line).</param>
/// <param name="Detail">A short note (a new role, a reason), or null. Never patient data.</param>
public sealed record AuditEntry(string Actor, string Action, string? Target = null, string? Ip = null, string? Detail = null);
