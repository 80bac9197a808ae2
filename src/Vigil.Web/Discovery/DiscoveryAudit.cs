using Vigil.Storage.Audit;

namespace Vigil.Web.Discovery;

/// <summary>Audit actions and targets of data discovery: ids only, never a value.</summary>
internal static class DiscoveryAudit
{
    /// <summary>A scan was started (target the scan, detail the path).</summary>
    public const string ScanStarted = "phi-scan-started";

    /// <summary>A privacy officer saw an item's values.</summary>
    public const string Revealed = AuditActions.PhiRevealed;

    /// <summary>Someone without the reveal-phi policy asked to see values.</summary>
    public const string RevealDenied = "phi-reveal-denied";

    public static string ScanTarget(long scanId) => $"phi-scan:{scanId}";

    public static string ItemTarget(long scanId, long itemSeq) => $"phi-scan:{scanId}/item:{itemSeq}";
}
