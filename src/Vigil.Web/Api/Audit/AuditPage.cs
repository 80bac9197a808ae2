namespace Vigil.Web.Api.Audit;

/// <summary>A page of audit entries, newest first; pass <see cref="Next"/> as <c>before</c> for older ones (null: no more).</summary>
/// <param name="Entries">The entries that match.</param>
/// <param name="Scanned">How many entries were read to find them (the time filter is applied while reading).</param>
/// <param name="Next">The id to page on from, or null.</param>
internal sealed record AuditPage(IReadOnlyList<AuditRow> Entries, int Scanned, long? Next);
