namespace Vigil.Events;

/// <summary>
/// One log record as parsed: its fields under their original names (nested objects as dotted paths), where it came
/// from, and its time.
/// </summary>
/// <remarks>
/// Fields are kept as two parallel arrays (interned name id, text value) in the order they were read, so building an
/// event is cheap and a lookup is a vectorised scan over a few dozen integers. A name may repeat (array elements are
/// added as several values of one field); a rule matches a repeated field when any value matches. A value is
/// <c>null</c> when the log said null. Numbers and booleans are kept as their text. Not thread-safe while it is being
/// built; read-only afterwards by convention.
/// </remarks>
public sealed class LogEvent
{
    private int[] _ids;
    private string?[] _values;
    private int _count;

    /// <summary>Creates an empty event with room for <paramref name="capacity"/> fields.</summary>
    public LogEvent(int capacity = 16)
    {
        _ids = new int[Math.Max(capacity, 4)];
        _values = new string?[_ids.Length];
    }

    /// <summary>The event's own time (UTC), when the record carried one.</summary>
    public DateTimeOffset? Timestamp { get; set; }

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
        if (_count == _ids.Length)
        {
            Array.Resize(ref _ids, _count * 2);
            Array.Resize(ref _values, _count * 2);
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

    /// <summary>Removes every field and resets the metadata, keeping the storage.</summary>
    public void Clear()
    {
        Array.Clear(_values, 0, _count);
        _count = 0;
        Timestamp = null;
        Source = "";
        SourceType = "";
        Record = 0;
        StoreId = 0;
    }
}
