namespace Vigil.Vulnerabilities.Exchange;

/// <summary>A cumulative update of one product and the security updates released for it, oldest first.</summary>
/// <param name="Product">Table product id: <c>Exchange2013</c>, <c>Exchange2016</c>, <c>Exchange2019</c>, <c>ExchangeSE</c>.</param>
/// <param name="Cu">CU name (<c>CU19</c>, <c>RTM</c>).</param>
/// <param name="Build">The CU's base build.</param>
/// <param name="Updates">Security updates for this CU.</param>
internal sealed record ExchangeCuLine(string Product, string Cu, ExchangeBuild Build, List<ExchangeUpdate> Updates)
{
    /// <summary>Display name: <c>Exchange Server 2016 CU19</c>.</summary>
    public string DisplayName => $"{ProductName(Product)} {Cu}";

    /// <summary>Display name of a table product id.</summary>
    public static string ProductName(string product) => product switch
    {
        "ExchangeSE" => "Exchange Server Subscription Edition",
        _ when product.StartsWith("Exchange", StringComparison.Ordinal) => "Exchange Server " + product["Exchange".Length..],
        _ => product,
    };
}
