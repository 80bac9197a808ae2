namespace Vigil.Bench.Web;

/// <summary>
/// Every page and API call the benchmark measures, in order; the first is the baseline. Adding a page or call is one
/// line here: a name, a path (using the ids in <see cref="Seeded"/>), and who asks (<see cref="Via"/>).
/// </summary>
internal static class Targets
{
    public static IReadOnlyList<Target> All(Seeded s) =>
    [
        new("baseline /healthz", "/healthz", Via.Token),
        new("page Overview", "/", Via.Session),
        new("page Alerts (active)", "/alerts", Via.Session),
        new("page Alerts (any, high+)", "/alerts?status=any&minLevel=high", Via.Session),
        new("page Alerts (older page)", $"/alerts?status=any&before={s.Alerts / 3}", Via.Session),
        new("page Alert detail", $"/alerts/{s.AlertId}", Via.Session),
        new("page Events (24 h)", "/events", Via.Session),
        new("page Events (sshd, 7 d)", "/events?from=7d&sourceType=sshd", Via.Session),
        new("page Events (field filter)", "/events?from=30d&fields=user%3Dalice", Via.Session),
        new("page Events (rare field)", "/events?from=30d&fields=client_ip%3D198.51.100.7%0Aaction%3Dfailed", Via.Session),
        new("page Vulnerabilities", "/vulnerabilities", Via.Session),
        new("page Vulns (overdue, asset)", $"/vulnerabilities?asset={s.Asset}&overdue=true", Via.Session),
        new("page Vulns (assets)", "/vulnerabilities?view=assets", Via.Session),
        new("page Vulns (exceptions)", "/vulnerabilities?view=exceptions", Via.Session),
        new("page Discovery", "/discovery", Via.Session),
        new("page Discovery scan", $"/discovery/{s.ScanId}", Via.Session),
        new("page Discovery scan (audit)", $"/discovery/{s.ScanId}", Via.Token),
        new("page Discovery item", $"/discovery/{s.ScanId}/items/{s.ItemSeq}", Via.Session),
        new("page Audit", "/audit", Via.Token),
        new("page Audit (action, 7 d)", "/audit?action=phi-revealed&from=7d", Via.Token),
        new("page Audit (actor)", "/audit?actor=user%3Aada", Via.Token),
        new("page Settings", "/settings", Via.Token),
        new("api overview", "/api/v1/overview", Via.Token),
        new("api alerts", "/api/v1/alerts?status=active", Via.Token),
        new("api alert", $"/api/v1/alerts/{s.AlertId}", Via.Token),
        new("api events search", "/api/v1/events/search?from=24h", Via.Token),
        new("api events search (field)", "/api/v1/events/search?from=7d&field=user~ali", Via.Token),
        new("api vulns findings", "/api/v1/vulnerabilities/findings", Via.Token),
        new("api vulns findings (overdue)", "/api/v1/vulnerabilities/findings?overdue=true&limit=200", Via.Token),
        new("api vulns assets", "/api/v1/vulnerabilities/assets", Via.Token),
        new("api vulns exceptions", "/api/v1/vulnerabilities/exceptions", Via.Token),
        new("api discovery scans", "/api/v1/discovery/scans", Via.Token),
        new("api discovery scan", $"/api/v1/discovery/scans/{s.ScanId}", Via.Token),
        new("api discovery subjects", $"/api/v1/discovery/scans/{s.ScanId}/subjects?after=1000", Via.Token),
        new("api discovery items", $"/api/v1/discovery/scans/{s.ScanId}/items", Via.Token),
        new("api discovery item", $"/api/v1/discovery/scans/{s.ScanId}/items/{s.ItemSeq}", Via.Token),
        new("api audit", "/api/v1/audit", Via.Token),
        new("api audit (action)", "/api/v1/audit?action=phi-revealed&limit=200", Via.Token),
        new("api audit verify", "/api/v1/audit/verify", Via.Token),
        new("api tokens", "/api/v1/tokens", Via.Token),
        new("openapi document", "/openapi/v1.json", Via.Token),
    ];
}
