namespace Vigil.Ingestion.Json;

/// <summary>One path in a <see cref="PathTable"/>: its key, what it resolves to, and how well its values cache.</summary>
internal struct PathNode
{
    /// <summary><see cref="FieldId"/> before the path has been resolved.</summary>
    public const int Unresolved = int.MinValue;

    /// <summary><see cref="FieldId"/> of a path that is not a field (an XML namespace declaration).</summary>
    public const int Skip = -1;

    /// <summary><see cref="FieldId"/> of a path whose name is not valid UTF-8.</summary>
    public const int InvalidName = -2;

    public int Parent;
    public int Hash;
    public int NameStart;
    public int NameLength;
    public int Next;

    /// <summary>The sibling that followed this name last time, or 0 (see <see cref="PathTable.Child"/>).</summary>
    public int NextGuess;

    /// <summary>The first name read in this object last time, or 0.</summary>
    public int FirstGuess;

    /// <summary>The interned field id a leaf here is added under, or one of the markers above.</summary>
    public int FieldId;

    /// <summary>A second field id a leaf is also added under (UserData paths), or -1.</summary>
    public int SecondFieldId;

    /// <summary>Value cache hits and misses under this path, and whether the cache is skipped for it.</summary>
    public int Hits;
    public int Misses;
    public bool CacheOff;
}
