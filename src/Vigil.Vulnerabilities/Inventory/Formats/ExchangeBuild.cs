using System.Text.RegularExpressions;

namespace Vigil.Vulnerabilities.Inventory.Formats;

/// <summary>Recognises a Microsoft Exchange server described by its build number (ExSetup.exe file version, <c>15.1.2176.2</c>).</summary>
internal static partial class ExchangeBuild
{
    /// <summary>The component name Exchange servers get (ecosystem <c>Exchange</c>).</summary>
    public const string Name = "Exchange Server";

    /// <summary>Whether vendor/product name an Exchange server and the version is an Exchange 2013-SE build (15.x.y.z).</summary>
    public static bool IsExchange(string vendor, string product, string version) =>
        vendor.Contains("Microsoft", StringComparison.OrdinalIgnoreCase)
        && product.Contains("Exchange", StringComparison.OrdinalIgnoreCase)
        && !product.Contains("Online", StringComparison.OrdinalIgnoreCase)
        && Build().IsMatch(version.Trim());

    [GeneratedRegex(@"^15\.[0-9]+\.[0-9]+\.[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Build();
}
