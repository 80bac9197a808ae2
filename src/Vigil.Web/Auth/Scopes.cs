namespace Vigil.Web.Auth;

/// <summary>What a token may do. Each API route requires one policy; a scope grants the policies in <see cref="AccessPolicies"/>.</summary>
public static class Scopes
{
    /// <summary>Send events to <c>POST /api/v1/events</c>.</summary>
    public const string Ingest = "ingest";

    /// <summary>Read <c>/metrics</c>.</summary>
    public const string Metrics = "metrics";

    /// <summary>The <see cref="Policies.Read"/> routes of the API (dashboards, alerts, events).</summary>
    public const string Read = "read";

    /// <summary>The <see cref="Policies.Read"/> and <see cref="Policies.Analyse"/> routes (acting on alerts, rules, vulnerabilities).</summary>
    public const string Analyse = "analyse";

    /// <summary>The <see cref="Policies.Respond"/> routes (incidents, tasks, comments, evidence; never patient details).</summary>
    public const string Respond = "respond";

    /// <summary>The <see cref="Policies.Read"/> and <see cref="Policies.Administer"/> routes (users, tokens, settings).</summary>
    public const string Admin = "admin";

    /// <summary>The <see cref="Policies.Audit"/> routes (reading the audit log).</summary>
    public const string Audit = "audit";

    /// <summary>Every scope a token may be given. No scope reveals patient data: only people do, and it is audited.</summary>
    public static IReadOnlyList<string> All { get; } = [Ingest, Metrics, Read, Analyse, Respond, Admin, Audit];
}
