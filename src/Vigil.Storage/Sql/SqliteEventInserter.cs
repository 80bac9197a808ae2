using Microsoft.Data.Sqlite;
using SQLitePCL;
using Vigil.Storage.Events;

namespace Vigil.Storage.Sql;

/// <summary>
/// Inserts events through one prepared single-row statement on SQLite's own API (SQLitePCLRaw, which
/// Microsoft.Data.Sqlite is built on): parameters bound by position straight from reused UTF-8 buffers, the id read
/// with <c>sqlite3_last_insert_rowid</c>. Used only under the write gate, inside the gate's transaction.
/// </summary>
/// <remarks>
/// Microsoft.Data.Sqlite looked every parameter up by name on every execution (a linear scan of the statement's
/// names), boxed each number and needed an array per text or blob value; at tens of thousands of events a second
/// that, and the garbage it made, cost more than SQLite's own work.
/// </remarks>
internal sealed class SqliteEventInserter : IDisposable
{
    private const string Sql = "INSERT INTO events (ts, received_at, source_type, origin, record, fields, raw) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
    private readonly SqliteConnection _connection;
    private readonly FieldsJson _json = new();
    private sqlite3_stmt? _insert;
    private byte[] _scratch = new byte[4096];
    private long _bytesWritten;

    public SqliteEventInserter(SqliteConnection connection) => _connection = connection;

    public long[] Insert(IReadOnlyList<EventRecord> events, CancellationToken cancellationToken)
    {
        var db = _connection.Handle ?? throw new InvalidOperationException("The writer connection is not open.");
        if (_insert is null)
        {
            Check(raw.sqlite3_prepare_v2(db, Sql, out var statement), db);
            _insert = statement;
        }

        var ids = new long[events.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            if ((i & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            Bind(_insert, events[i]);
            var rc = raw.sqlite3_step(_insert);
            raw.sqlite3_reset(_insert);
            if (rc != raw.SQLITE_DONE)
            {
                Check(rc, db);
            }

            // One writer and AUTOINCREMENT: the row id just inserted is the event's id.
            ids[i] = raw.sqlite3_last_insert_rowid(db);
        }

        return ids;
    }

    /// <summary>About how many bytes the rows inserted since the last call hold (for the checkpointer).</summary>
    public long TakeBytesWritten()
    {
        var bytes = _bytesWritten;
        _bytesWritten = 0;
        return bytes;
    }

    public void Dispose()
    {
        _insert?.Dispose();
    }

    private static void Check(int rc, sqlite3 db)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE))
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }

    private void Bind(sqlite3_stmt statement, EventRecord record)
    {
        var logEvent = record.Event;
        raw.sqlite3_bind_int64(statement, 1, Db.Micros(logEvent.Timestamp ?? record.ReceivedAt));
        raw.sqlite3_bind_int64(statement, 2, Db.Micros(record.ReceivedAt));
        BindText(statement, 3, Db.Text(logEvent.SourceType));
        BindText(statement, 4, Db.Text(logEvent.Source));
        raw.sqlite3_bind_int64(statement, 5, logEvent.Record);
        var json = _json.WriteUtf8(logEvent);
        raw.sqlite3_bind_text(statement, 6, json);
        // The row, its two index entries and page overhead, roughly: a checkpoint every few MiB is all that needs.
        _bytesWritten += json.Length + record.Raw.Length + 96;
        if (record.Raw.Length == 0)
        {
            // An empty span would bind NULL; the column is NOT NULL.
            raw.sqlite3_bind_zeroblob(statement, 7, 0);
        }
        else
        {
            raw.sqlite3_bind_blob(statement, 7, Encode(record.Raw));
        }
    }

    private void BindText(sqlite3_stmt statement, int index, string text)
    {
        if (text.Length == 0)
        {
            // An empty span would bind NULL; the columns are NOT NULL.
            raw.sqlite3_bind_text(statement, index, string.Empty);
        }
        else
        {
            raw.sqlite3_bind_text(statement, index, Encode(text));
        }
    }

    // Valid until the next call: SQLite copies bound values (SQLITE_TRANSIENT). A lone surrogate becomes U+FFFD, as
    // Encoding.UTF8 did.
    private ReadOnlySpan<byte> Encode(string text)
    {
        var needed = (text.Length * 3) + 1;
        if (_scratch.Length < needed)
        {
            _scratch = new byte[Math.Max(needed, _scratch.Length * 2)];
        }

        System.Text.Unicode.Utf8.FromUtf16(text, _scratch, out _, out var written, replaceInvalidSequences: true);
        return _scratch.AsSpan(0, written);
    }
}
