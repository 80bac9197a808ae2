namespace Vigil.Storage.Vulnerabilities;

/// <summary>An exception to the patch deadlines: who accepted which risk, why, and until when.</summary>
/// <param name="Id">The store's id (0 when adding).</param>
/// <param name="Asset">The asset, or null for every asset.</param>
/// <param name="Advisory">The advisory id or CVE.</param>
/// <param name="Package">The package, or null for any.</param>
/// <param name="Owner">Who owns the accepted risk.</param>
/// <param name="Reason">Why.</param>
/// <param name="ExpiresAt">When it stops applying.</param>
/// <param name="CreatedAt">When it was added.</param>
public sealed record StoredExemption(long Id, string? Asset, string Advisory, string? Package, string Owner, string Reason, DateTimeOffset ExpiresAt, DateTimeOffset CreatedAt);
