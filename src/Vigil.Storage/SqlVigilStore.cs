using Vigil.Storage.Alerts;
using Vigil.Storage.Events;
using Vigil.Storage.Incidents;
using Vigil.Storage.Notifications;
using Vigil.Storage.Protection;
using Vigil.Storage.Quarantine;
using Vigil.Storage.Sql;
using Vigil.Storage.Tokens;

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
        Notifications = new SqlNotificationOutbox(db);
        Tokens = new SqlTokenStore(db);
        Quarantine = new SqlQuarantineStore(db);
        State = new SqlKeyValueStore(db);
        var keys = new KeyRing(options);
        Incidents = new SqlIncidentStore(db, time, keys);
        Evidence = new SqlEvidenceStore(db, time, keys, options);
    }

    public string Provider => _db.Provider;

    public IEventStore Events { get; }

    public IAlertStore Alerts { get; }

    public INotificationOutbox Notifications { get; }

    public ITokenStore Tokens { get; }

    public IQuarantineStore Quarantine { get; }

    public IKeyValueStore State { get; }

    public IIncidentStore Incidents { get; }

    public IEvidenceStore Evidence { get; }

    public ValueTask DisposeAsync() => _db.DisposeAsync();
}
