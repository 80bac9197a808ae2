using Vigil.Storage.Alerts;
using Vigil.Storage.Audit;
using Vigil.Storage.Events;
using Vigil.Storage.Incidents;
using Vigil.Storage.Insights;
using Vigil.Storage.Notifications;
using Vigil.Storage.Protection;
using Vigil.Storage.Quarantine;
using Vigil.Storage.Sql;
using Vigil.Storage.Tokens;
using Vigil.Storage.Users;

namespace Vigil.Storage;

/// <summary>The stores over one opened <see cref="Database"/>.</summary>
internal sealed class SqlVigilStore : IVigilStore
{
    private readonly Database _db;

    public SqlVigilStore(Database db, TimeProvider time, StoreOptions options)
    {
        _db = db;
        Events = new SqlEventStore(db, time);
        Alerts = new SqlAlertStore(db);
        AlertWorkflow = new SqlAlertWorkflow(db);
        Insights = new SqlInsightStore(db);
        Notifications = new SqlNotificationOutbox(db);
        Tokens = new SqlTokenStore(db);
        Quarantine = new SqlQuarantineStore(db);
        State = new SqlKeyValueStore(db);
        Users = new SqlUserStore(db);
        Audit = new SqlAuditLog(db, time);
        Vulnerabilities = new Vulnerabilities.SqlVulnerabilityStore(db);
        var keys = new KeyRing(options);
        Incidents = new SqlIncidentStore(db, time, keys);
        Evidence = new SqlEvidenceStore(db, time, keys, options);
        PhiScans = new Discovery.SqlPhiScanStore(db);
        BreachNotifications = new Breach.SqlBreachNotificationStore(db, time);
        Rules = new Rules.SqlRuleStore(db);
    }

    public string Provider => _db.Provider;

    /// <summary>The database under the stores (for tests).</summary>
    internal Database Database => _db;

    public IEventStore Events { get; }

    public IAlertStore Alerts { get; }

    public IAlertWorkflow AlertWorkflow { get; }

    public IInsightStore Insights { get; }

    public INotificationOutbox Notifications { get; }

    public ITokenStore Tokens { get; }

    public IQuarantineStore Quarantine { get; }

    public IKeyValueStore State { get; }

    public IUserStore Users { get; }

    public IAuditLog Audit { get; }

    public Vulnerabilities.IVulnerabilityStore Vulnerabilities { get; }

    public IIncidentStore Incidents { get; }

    public IEvidenceStore Evidence { get; }

    public Discovery.IPhiScanStore PhiScans { get; }

    public Breach.IBreachNotificationStore BreachNotifications { get; }
    public Rules.IRuleStore Rules { get; }

    public ValueTask DisposeAsync() => _db.DisposeAsync();
}
