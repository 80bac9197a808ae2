using Vigil.Storage.Alerts;
using Vigil.Storage.Audit;
using Vigil.Storage.Events;
using Vigil.Storage.Incidents;
using Vigil.Storage.Insights;
using Vigil.Storage.Notifications;
using Vigil.Storage.Quarantine;
using Vigil.Storage.Tokens;
using Vigil.Storage.Users;

namespace Vigil.Storage;

/// <summary>One opened Vigil database (SQLite or PostgreSQL), migrated to the current schema.</summary>
/// <remarks>Thread-safe; dispose it once, when the host stops.</remarks>
public interface IVigilStore : IAsyncDisposable
{
    /// <summary><c>sqlite</c> or <c>postgresql</c>.</summary>
    string Provider { get; }

    /// <summary>Events.</summary>
    IEventStore Events { get; }

    /// <summary>Alerts and detector cursors.</summary>
    IAlertStore Alerts { get; }

    /// <summary>What people do with alerts (status, assignee, comments) and counts for charts.</summary>
    IAlertWorkflow AlertWorkflow { get; }

    /// <summary>Read-only views for the web app (ingestion health, event pages, events around a time).</summary>
    IInsightStore Insights { get; }

    /// <summary>The notification outbox.</summary>
    INotificationOutbox Notifications { get; }

    /// <summary>API tokens.</summary>
    ITokenStore Tokens { get; }

    /// <summary>Rejected input.</summary>
    IQuarantineStore Quarantine { get; }

    /// <summary>Small named values that must survive restarts (file tail positions, baselines' watermarks).</summary>
    IKeyValueStore State { get; }

    /// <summary>People who sign in to the web app, their sessions and set-up links.</summary>
    IUserStore Users { get; }

    /// <summary>The hash-chained audit log.</summary>
    IAuditLog Audit { get; }

    /// <summary>Vulnerability feeds, findings, exceptions and scan runs.</summary>
    Vulnerabilities.IVulnerabilityStore Vulnerabilities { get; }

    /// <summary>Incidents and their sealed documents.</summary>
    IIncidentStore Incidents { get; }

    /// <summary>Evidence files, the custody log and master key rotation.</summary>
    IEvidenceStore Evidence { get; }

    /// <summary>PHI scans run from the web app (masked results only).</summary>
    Discovery.IPhiScanStore PhiScans { get; }

    /// <summary>Breach notifications sent per incident and deadline (a recorded deadline is met).</summary>
    Breach.IBreachNotificationStore BreachNotifications { get; }
    /// <summary>Rule states (enabled or disabled) and uploaded rules.</summary>
    Rules.IRuleStore Rules { get; }
}
