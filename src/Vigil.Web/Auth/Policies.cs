namespace Vigil.Web.Auth;

/// <summary>
/// Authorisation policies for people (cookie sessions) and API tokens; every page and API route names one.
/// A role's policies are listed in docs/web-access.md; an API token's scopes map to the same policies.
/// </summary>
public static class Policies
{
    /// <summary>See dashboards, alerts and events (every role).</summary>
    public const string Read = "read";

    /// <summary>Acknowledge, assign, comment, close alerts; search events; manage rules; vulnerabilities (admin, analyst).</summary>
    public const string Analyse = "analyse";

    /// <summary>Reveal PHI, incidents, notifications (privacy officer; admin may not reveal).</summary>
    public const string RevealPhi = "reveal-phi";

    /// <summary>Work incidents: open them from alerts, tasks, comments, observables, evidence (analyst, privacy officer).</summary>
    public const string Respond = "respond";

    /// <summary>Users, tokens, settings, channels (admin).</summary>
    public const string Administer = "administer";

    /// <summary>Read the audit log (admin, privacy officer).</summary>
    public const string Audit = "audit";
}
