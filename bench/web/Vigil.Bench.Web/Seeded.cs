namespace Vigil.Bench.Web;

/// <summary>Ids in the seeded store that target paths use.</summary>
/// <param name="Alerts">How many alerts were seeded.</param>
/// <param name="AlertId">An alert in the middle.</param>
/// <param name="Asset">An asset with vulnerability findings.</param>
/// <param name="ScanId">The completed PHI scan.</param>
/// <param name="ItemSeq">An item of that scan.</param>
/// <param name="IncidentId">An incident in the middle (opened from three alerts).</param>
internal sealed record Seeded(int Alerts, long AlertId, string Asset, long ScanId, long ItemSeq, long IncidentId);
