using Microsoft.Data.Sqlite;
using Vigil.Storage.Events;

namespace Vigil.Storage.Sql;

/// <summary>Inserts events with one prepared statement, re-bound per row (used only under the write gate).</summary>
internal sealed class SqliteEventInserter : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter _ts;
    private readonly SqliteParameter _receivedAt;
    private readonly SqliteParameter _sourceType;
    private readonly SqliteParameter _origin;
    private readonly SqliteParameter _record;
    private readonly SqliteParameter _fields;
    private readonly SqliteParameter _raw;
    private readonly FieldsJson _json = new();
    private bool _prepared;

    public SqliteEventInserter(SqliteConnection connection)
    {
        _command = connection.CreateCommand();
        _command.CommandText = "INSERT INTO events (ts, received_at, source_type, origin, record, fields, raw) "
            + "VALUES ($ts, $ra, $st, $o, $r, $f, $raw) RETURNING id";
        _ts = _command.Parameters.Add("$ts", SqliteType.Integer);
        _receivedAt = _command.Parameters.Add("$ra", SqliteType.Integer);
        _sourceType = _command.Parameters.Add("$st", SqliteType.Text);
        _origin = _command.Parameters.Add("$o", SqliteType.Text);
        _record = _command.Parameters.Add("$r", SqliteType.Integer);
        _fields = _command.Parameters.Add("$f", SqliteType.Text);
        _raw = _command.Parameters.Add("$raw", SqliteType.Blob);
    }

    public long[] Insert(SqliteTransaction transaction, IReadOnlyList<EventRecord> events, CancellationToken cancellationToken)
    {
        _command.Transaction = transaction;
        if (!_prepared)
        {
            _command.Prepare();
            _prepared = true;
        }

        var ids = new long[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            if ((i & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var record = events[i];
            var logEvent = record.Event;
            _ts.Value = Db.Micros(logEvent.Timestamp ?? record.ReceivedAt);
            _receivedAt.Value = Db.Micros(record.ReceivedAt);
            _sourceType.Value = Db.Text(logEvent.SourceType);
            _origin.Value = Db.Text(logEvent.Source);
            _record.Value = logEvent.Record;
            _fields.Value = _json.Write(logEvent);
            _raw.Value = System.Text.Encoding.UTF8.GetBytes(record.Raw);
            ids[i] = (long)_command.ExecuteScalar()!;
        }

        return ids;
    }

    public void Dispose()
    {
        _command.Dispose();
        _json.Dispose();
    }
}
