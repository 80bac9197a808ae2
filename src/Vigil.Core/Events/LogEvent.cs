namespace Vigil.Events;

/// <summary>
/// One log record as parsed: its fields under their original names (nested objects as dotted paths), where it came
/// from, and its time.
/// </summary>
/// <remarks>
/// Fields are kept as two parallel arrays (interned name id, text value) in the order they were read, so building an
/// event is cheap and a lookup is a vectorised scan over a few dozen integers. A name may repeat (array elements are
/// added as several values of one field); a rule matches a repeated field when any value matches. A value is
/// <c>null</c> when the log said null. Numbers and booleans are kept as their text. A parser that makes many events can
/// build each in one scratch event and hand on <see cref="TakeCompact"/>'s copy, whose arrays hold exactly its fields
/// (the id array shared by events of one shape). Not thread-safe while it is being built; read-only afterwards by
/// convention.
/// </remarks>
public sealed class LogEvent
{
    private int[] _ids;
    private string?[] _values;
    private int _count;

    // _ids is a FieldShapes array shared with other events: copied before the first write.
    private bool _sharedIds;

    // The timestamp as its parts (UTC ticks, offset minutes, present): a DateTimeOffset? field takes 24 bytes and these
    // 11, which is 16 bytes less per event object once padded; events in flight are what the collector walks.
    private long _utcTicks;
    private short _offsetMinutes;
    private bool _hasTimestamp;

    /// <summary>Creates an empty event with room for <paramref name="capacity"/> fields (it takes more as they come).</summary>
    public LogEvent(int capacity = 16)
    {
        _ids = new int[Math.Max(capacity, 1)];
        _values = new string?[_ids.Length];
    }

    private LogEvent(int[] sharedIds, string?[] values)
    {
        _ids = sharedIds;
        _values = values;
        _count = values.Length;
        _sharedIds = true;
    }

    /// <summary>The event's own time (UTC), when the record carried one.</summary>
    public DateTimeOffset? Timestamp
    {
        get => !_hasTimestamp ? null
            : _offsetMinutes == 0 ? new DateTimeOffset(_utcTicks, TimeSpan.Zero)
            : new DateTimeOffset(_utcTicks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(_offsetMinutes));
        set
        {
            _hasTimestamp = value.HasValue;
            _utcTicks = value.GetValueOrDefault().UtcTicks;
            _offsetMinutes = (short)value.GetValueOrDefault().TotalOffsetMinutes;
        }
    }

    /// <summary>The input the event came from (a file path, a listener name).</summary>
    public string Source { get; set; } = "";

    /// <summary>
    /// What kind of log the event is, as a stable name (<c>m365.audit</c>, <c>entra.signin</c>, <c>iis</c>,
    /// <c>exchange.tracking</c>, <c>windows</c>, <c>postfix</c>, <c>dovecot</c>, <c>syslog</c>, <c>json</c>), or empty
    /// when the reader could not tell.
    /// </summary>
    public string SourceType { get; set; } = "";

    /// <summary>The line number or record number in <see cref="Source"/>, starting at 1.</summary>
    public long Record { get; set; }

    /// <summary>
    /// The event store's id for the event once it is committed (<c>vigil serve</c>), else 0. Live detection sets it
    /// before running the rules, so an alert can name the stored events a correlation joined without a table from
    /// events to ids (a weak table's handle per event was a large part of the collector's work under load).
    /// </summary>
    public long StoreId { get; set; }

    /// <summary>How many field values the event holds.</summary>
    public int Count => _count;

    /// <summary>The field name id of entry <paramref name="index"/>.</summary>
    public int IdAt(int index) => _ids[index];

    /// <summary>The field name of entry <paramref name="index"/>.</summary>
    public string NameAt(int index) => FieldNames.NameOf(_ids[index]);

    /// <summary>The value of entry <paramref name="index"/>.</summary>
    public string? ValueAt(int index) => _values[index];

    /// <summary>Adds a value under an interned name id.</summary>
    public void Add(int id, string? value)
    {
        if (_count == _ids.Length || _sharedIds)
        {
            Grow();
        }

        _ids[_count] = id;
        _values[_count] = value;
        _count++;
    }

    /// <summary>Adds a value under <paramref name="name"/>.</summary>
    public void Add(string name, string? value) => Add(FieldNames.Intern(name), value);

    /// <summary>The index of the first entry at or after <paramref name="start"/> named by <paramref name="id"/>, or -1.</summary>
    public int IndexOf(int id, int start = 0)
    {
        if (start >= _count)
        {
            return -1;
        }

        var found = _ids.AsSpan(start, _count - start).IndexOf(id);
        return found < 0 ? -1 : found + start;
    }

    /// <summary>Whether the event has the field at all (even with a null value).</summary>
    public bool Has(int id) => IndexOf(id) >= 0;

    /// <summary>The first value of field <paramref name="name"/>, or null when absent or null.</summary>
    public string? Get(string name)
    {
        var id = FieldNames.Find(name);
        return id < 0 ? null : Get(id);
    }

    /// <summary>The first value of the field with this id (from <see cref="FieldNames.Intern(string)"/>), or null when absent or null.</summary>
    public string? Get(int id)
    {
        var index = IndexOf(id);
        return index < 0 ? null : _values[index];
    }

    /// <summary>The fields as name/value pairs, in the order they were read.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Fields()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return new(FieldNames.NameOf(_ids[i]), _values[i]);
        }
    }

    /// <summary>
    /// Moves the fields and metadata into a new event whose storage holds exactly its fields, and clears this one: for a
    /// parser that builds each event in one scratch event, so that the events it hands on (which may stay in memory a
    /// while: queued, stored, detected) carry no empty slots. The new event's field-name ids are shared with earlier
    /// compact events of the same names in the same order; adding a field to it later gives it ids of its own.
    /// </summary>
    /// <returns>The new event, equal to this one as it was.</returns>
    public LogEvent TakeCompact()
    {
        var compact = new LogEvent(FieldShapes.Get(_ids.AsSpan(0, _count)), _values.AsSpan(0, _count).ToArray())
        {
            _utcTicks = _utcTicks,
            _offsetMinutes = _offsetMinutes,
            _hasTimestamp = _hasTimestamp,
            Source = Source,
            SourceType = SourceType,
            Record = Record,
            StoreId = StoreId,
        };
        Clear();
        return compact;
    }

    /// <summary>Removes every field and resets the metadata, keeping the storage.</summary>
    public void Clear()
    {
        Array.Clear(_values, 0, _count);
        _count = 0;
        _hasTimestamp = false;
        _utcTicks = 0;
        _offsetMinutes = 0;
        Source = "";
        SourceType = "";
        Record = 0;
        StoreId = 0;
    }

    // Makes room for one more field, and ids of the event's own when they are shared.
    private void Grow()
    {
        var size = _count == _ids.Length ? Math.Max(4, _count * 2) : _ids.Length;
        var ids = new int[size];
        _ids.AsSpan(0, _count).CopyTo(ids);
        _ids = ids;
        _sharedIds = false;
        if (_values.Length < size)
        {
            Array.Resize(ref _values, size);
        }
    }
}
