using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Vigil.Storage.Events;

namespace Vigil.Storage.Sql;

/// <summary>
/// Inserts events through prepared statements of 32 rows and of one row on SQLite's own API (prepared with SQLitePCLRaw, which
/// Microsoft.Data.Sqlite is built on; bound and stepped through <see cref="SqliteNative"/>): parameters bound by
/// position straight from reused UTF-8 buffers, the id read with <c>sqlite3_last_insert_rowid</c>. Used only under the
/// write gate, inside the gate's transaction.
/// </summary>
/// <remarks>
/// <para>
/// Microsoft.Data.Sqlite looked every parameter up by name on every execution (a linear scan of the statement's
/// names), boxed each number and needed an array per text or blob value; at tens of thousands of events a second
/// that, and the garbage it made, cost more than SQLite's own work.
/// </para>
/// <para>
/// Text and blob values are copied into <see cref="PinnedValues"/> and bound without a copy by SQLite: bound as
/// transient, SQLite allocated, copied and freed each of a row's four values (kind, origin, fields, raw) under its
/// allocator's lock, on the one writer task.
/// </para>
/// </remarks>
internal sealed class SqliteEventInserter : IDisposable
{
    // Rows per statement for the bulk of a batch (the rest go one by one): each execution of an INSERT opens its
    // cursors, reads the AUTOINCREMENT counter from sqlite_sequence and writes it back; with 32 rows that is paid once.
    private const int ManyRows = 32;
    private const int Columns = 7;
    private readonly SqliteConnection _connection;
    private readonly FieldsJson _json = new();
    private sqlite3_stmt? _one;
    private sqlite3_stmt? _many;
    private readonly long[] _times = new long[ManyRows]; // the statement's rows' event times, for the blocks
    private readonly EncodedTexts _sourceTypes = new();
    private readonly EncodedTexts _origins = new();
    private readonly PinnedValues _values = new();
    private long _bytesWritten;

    public SqliteEventInserter(SqliteConnection connection) => _connection = connection;

    public EventIds Insert(IReadOnlyList<EventRecord> events, EventBlockGrouping blocks, CancellationToken cancellationToken)
    {
        var db = _connection.Handle ?? throw new InvalidOperationException("The writer connection is not open.");
        _one ??= Prepare(db, 1);
        _many ??= Prepare(db, ManyRows);

        // The statements and the connection stay alive and open for the whole call (the connection is the writer's).
        var one = _one.DangerousGetHandle();
        var many = _many.DangerousGetHandle();
        var connection = db.DangerousGetHandle();
        var ids = new EventIds(events.Count);
        _values.Clear(); // a call that threw left its values behind
        for (var i = 0; i < ids.Count;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rows = ids.Count - i >= ManyRows ? ManyRows : 1;
            var statement = rows == 1 ? one : many;
            var bound = raw.SQLITE_OK;
            for (var row = 0; row < rows; row++)
            {
                bound |= Bind(statement, row * Columns, events[i + row]);
            }

            if (bound != raw.SQLITE_OK)
            {
                SqliteNative.Reset(statement);
                SqliteException.ThrowExceptionForRC(raw.sqlite3_errcode(db), db);
            }

            var rc = SqliteNative.Step(statement);
            SqliteNative.Reset(statement);
            _values.Clear(); // the next statement's values go where these were: they are all bound again first
            if (rc != raw.SQLITE_DONE)
            {
                Check(rc, db);
            }

            // One writer and AUTOINCREMENT: the rows of one statement get consecutive ids, the last one's is known.
            var last = SqliteNative.LastInsertRowId(connection);
            for (var row = 0; row < rows; row++)
            {
                var id = last - rows + 1 + row;
                ids[i + row] = id;
                blocks.Add(events[i + row].Event.SourceType, _times[row], id);
            }

            i += rows;
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
        _one?.Dispose();
        _many?.Dispose();
    }

    private static sqlite3_stmt Prepare(sqlite3 db, int rows)
    {
        var values = string.Join(", ", Enumerable.Repeat("(?, ?, ?, ?, ?, ?, ?)", rows));
        var sql = $"INSERT INTO events (ts, received_at, source_type, origin, record, fields, raw) VALUES {values}";
        Check(raw.sqlite3_prepare_v2(db, sql, out var statement), db);
        return statement;
    }

    private static void Check(int rc, sqlite3 db)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE))
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }

    // SQLITE_OK when every value was bound (else the codes OR-ed): a value that failed to bind would keep the last row's.
    // Parameters at + 1 to at + 7 (SQLite counts from 1).
    private int Bind(IntPtr statement, int at, EventRecord record)
    {
        var logEvent = record.Event;
        var ts = Db.Micros(record.EventTime);
        _times[at / Columns] = ts;
        var rc = SqliteNative.BindInt64(statement, at + 1, ts)
            | SqliteNative.BindInt64(statement, at + 2, Db.Micros(record.ReceivedAt))
            | BindText(statement, at + 3, _sourceTypes.Of(logEvent.SourceType).Bytes)
            | BindText(statement, at + 4, _origins.Of(logEvent.Source).Bytes)
            | SqliteNative.BindInt64(statement, at + 5, logEvent.Record);
        var json = _json.WriteUtf8(logEvent, record.Raw.Span);
        rc |= BindText(statement, at + 6, json);
        // The row, its two index entries and page overhead, roughly: a checkpoint every few MiB is all that needs.
        _bytesWritten += json.Length + record.Raw.Length + 96;
        // The received bytes as they are.
        var rawBytes = record.Raw.Span;
        if (rawBytes.Length > PinnedValues.Largest)
        {
            return rc | SqliteNative.BindBlob(statement, at + 7, ref MemoryMarshal.GetReference(rawBytes), rawBytes.Length, SqliteNative.Transient);
        }

        return rc | SqliteNative.BindStaticBlob(statement, at + 7, ref _values.Copy(rawBytes), rawBytes.Length, SqliteNative.Static);
    }

    // An empty value is bound from a non-null pointer (a copy of it takes a byte), as a null pointer would bind NULL.
    private int BindText(IntPtr statement, int index, ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > PinnedValues.Largest)
        {
            return SqliteNative.BindText(statement, index, ref MemoryMarshal.GetReference(utf8), utf8.Length, SqliteNative.Transient);
        }

        return SqliteNative.BindStaticText(statement, index, ref _values.Copy(utf8), utf8.Length, SqliteNative.Static);
    }

    // The text and blob values of the statement being bound, one after the other in arrays on the pinned object heap
    // (which never move, so SQLite may keep their addresses until the statement is stepped) that live as long as the
    // inserter and are reused by every statement. A value larger than Largest is left to SQLite to copy.
    private sealed class PinnedValues
    {
        public const int Largest = 16 * 1024;
        private const int ChunkBytes = 64 * 1024;
        private readonly List<byte[]> _chunks = [GC.AllocateUninitializedArray<byte>(ChunkBytes, pinned: true)];
        private int _chunk;
        private int _offset;

        public void Clear()
        {
            _chunk = 0;
            _offset = 0;
        }

        // Where the copy starts; at least one byte is taken, so an empty value has an address too.
        public ref byte Copy(ReadOnlySpan<byte> value)
        {
            var taken = Math.Max(value.Length, 1);
            if (ChunkBytes - _offset < taken)
            {
                if (++_chunk == _chunks.Count)
                {
                    _chunks.Add(GC.AllocateUninitializedArray<byte>(ChunkBytes, pinned: true));
                }

                _offset = 0;
            }

            var chunk = _chunks[_chunk];
            value.CopyTo(chunk.AsSpan(_offset));
            ref var start = ref chunk[_offset];
            _offset += taken;
            return ref start;
        }
    }

    // Column values (Db.Text) as UTF-8, a lone surrogate as U+FFFD as Encoding.UTF8 did, for the last few strings seen.
    // Kinds of log and origins repeat from row to row as the same instances (a parser's or listener's; syslog
    // interleaves a few kinds), so their bytes are reused while the reference is the same: strings are immutable, so
    // an instance cannot have come to hold other text.
    private sealed class EncodedTexts
    {
        private readonly EncodedText[] _texts = [new(), new(), new(), new()];
        private int _next;

        public EncodedText Of(string text)
        {
            foreach (var encoded in _texts)
            {
                if (ReferenceEquals(encoded.Text, text))
                {
                    return encoded;
                }
            }

            var replaced = _texts[_next];
            _next = (_next + 1) % _texts.Length;
            replaced.Set(text);
            return replaced;
        }
    }

    private sealed class EncodedText
    {
        public string? Text { get; private set; }

        public byte[] Utf8 { get; private set; } = new byte[256];

        public int Length { get; private set; }

        public ReadOnlySpan<byte> Bytes => Utf8.AsSpan(0, Length);

        public void Set(string text)
        {
            var value = Db.Text(text);
            var needed = (value.Length * 3) + 1;
            if (Utf8.Length < needed)
            {
                Utf8 = new byte[Math.Max(needed, Utf8.Length * 2)];
            }

            System.Text.Unicode.Utf8.FromUtf16(value, Utf8, out _, out var written, replaceInvalidSequences: true);
            Length = written;
            Text = text;
        }
    }
}
