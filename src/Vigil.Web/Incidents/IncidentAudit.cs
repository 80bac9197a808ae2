using System.Globalization;

namespace Vigil.Web.Incidents;

/// <summary>How incident work appears in the audit log: target <c>incident:{id}</c>, detail what was done (never typed text).</summary>
internal static class IncidentAudit
{
    public const string Opened = "incident-opened";

    public const string Changed = "incident-changed";

    public static string Target(long id) => string.Create(CultureInfo.InvariantCulture, $"incident:{id}");
}
