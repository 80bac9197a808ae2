namespace Vigil.Web.Auth;

/// <summary>The roles people sign in with; least privilege (see docs/web-access.md).</summary>
public static class Roles
{
    /// <summary>Users and settings.</summary>
    public const string Admin = "admin";

    /// <summary>Alerts, events, rules, vulnerabilities.</summary>
    public const string Analyst = "analyst";

    /// <summary>PHI findings revealed, incidents, notifications.</summary>
    public const string PrivacyOfficer = "privacy-officer";

    /// <summary>Read-only; PHI always masked.</summary>
    public const string Viewer = "viewer";

    /// <summary>All roles, in the order the UI lists them.</summary>
    public static readonly IReadOnlyList<string> All = [Admin, Analyst, PrivacyOfficer, Viewer];
}
