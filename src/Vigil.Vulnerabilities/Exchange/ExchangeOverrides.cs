namespace Vigil.Vulnerabilities.Exchange;

/// <summary>
/// Maintained facts the Microsoft-derived tables are silent about. Applied only for a CVE the SU→CVE table does not
/// list at all; each entry cites its source (docs/versions.md lists them).
/// </summary>
internal static class ExchangeOverrides
{
    private static readonly string[] Onprem = ["Exchange2013", "Exchange2016", "Exchange2019"];

    // ProxyShell: Microsoft's advisory of 2021-08-25 (reported by TechTarget, searchsecurity news 252505916):
    // CVE-2021-34473 and CVE-2021-34523 were patched by the April 2021 SUs (KB5001779) but only published in July
    // 2021, which is why CSS-Exchange's SU→CVE map (staged data) has no entry for them; CVE-2021-31207 by May 2021.
    // ProxyLogon: the March 2021 SUs (KB5000871, released 2021-03-02).
    public static IReadOnlyList<(string CveId, string Update, string[] Products, string Source)> All { get; } =
    [
        ("CVE-2021-34473", "Apr21SU", Onprem, "override: ProxyShell, fixed by the April 2021 SU (KB5001779)"),
        ("CVE-2021-34523", "Apr21SU", Onprem, "override: ProxyShell, fixed by the April 2021 SU (KB5001779)"),
        ("CVE-2021-31207", "May21SU", Onprem, "override: ProxyShell, fixed by the May 2021 SU"),
        ("CVE-2021-26855", "Mar21SU", Onprem, "override: ProxyLogon, fixed by the March 2021 SU (KB5000871)"),
        ("CVE-2021-26857", "Mar21SU", Onprem, "override: ProxyLogon, fixed by the March 2021 SU (KB5000871)"),
        ("CVE-2021-26858", "Mar21SU", Onprem, "override: ProxyLogon, fixed by the March 2021 SU (KB5000871)"),
        ("CVE-2021-27065", "Mar21SU", Onprem, "override: ProxyLogon, fixed by the March 2021 SU (KB5000871)"),
    ];
}
