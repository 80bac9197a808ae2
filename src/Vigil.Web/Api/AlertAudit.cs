using System.Globalization;

namespace Vigil.Web.Api;

/// <summary>How changes to alerts appear in the audit log: action <c>alert-changed</c>, target <c>alert:{id}</c>, detail what was done.</summary>
internal static class AlertAudit
{
    public const string Action = "alert-changed";

    public static string Target(long id) => string.Create(CultureInfo.InvariantCulture, $"alert:{id}");
}
