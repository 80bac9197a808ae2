using System.Runtime.InteropServices;

namespace Vigil.Storage.Sql;

/// <summary>
/// The few SQLite calls the event inserter makes per row, declared on raw pointers: SQLitePCLRaw's wrappers take
/// <see cref="SafeHandle"/>s, and their reference counting (add, release, per call, ten calls per row) was about a
/// sixth of the inserter's own processor time.
/// </summary>
/// <remarks>
/// The library is the one SQLitePCLRaw already loaded (<c>e_sqlite3</c>, resolved the same way), so the pointers are
/// its handles. Callers keep the statement and connection objects alive and open while they use the pointers. Text
/// and blobs are copied by SQLite (<see cref="Transient"/>) or, bound <see cref="Static"/>, read where they lie until
/// the statement is stepped (memory that must then neither move nor change); a pointer to a zero-length buffer binds
/// an empty value, not NULL.
/// </remarks>
internal static class SqliteNative
{
    /// <summary>SQLITE_TRANSIENT: SQLite copies the value before the call returns.</summary>
    public static readonly IntPtr Transient = new(-1);

    /// <summary>SQLITE_STATIC: SQLite keeps the pointer and reads the value when the statement runs.</summary>
    public static readonly IntPtr Static = IntPtr.Zero;

    private const string Library = "e_sqlite3";

    // The calls marked SuppressGCTransition stay in managed mode (no frame pushed, no check for a pending collection
    // on return): each only stores a value or a pointer in the statement (or reads the connection's last id) behind the
    // connection's own mutex, which only the writer takes, in well under a microsecond, with no I/O and no callback.
    // A bind that replaces a value SQLite copied (one over the inserter's buffers) frees that copy as well.
    [DllImport(Library, EntryPoint = "sqlite3_bind_int64", ExactSpelling = true, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [SuppressGCTransition]
    public static extern int BindInt64(IntPtr statement, int index, long value);

    /// <summary>sqlite3_bind_text with <see cref="Static"/> only: the text must not move or change until the step.</summary>
    [DllImport(Library, EntryPoint = "sqlite3_bind_text", ExactSpelling = true, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [SuppressGCTransition]
    public static extern int BindStaticText(IntPtr statement, int index, ref byte utf8, int length, IntPtr destructor);

    /// <summary>sqlite3_bind_blob with <see cref="Static"/> only: the bytes must not move or change until the step.</summary>
    [DllImport(Library, EntryPoint = "sqlite3_bind_blob", ExactSpelling = true, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [SuppressGCTransition]
    public static extern int BindStaticBlob(IntPtr statement, int index, ref byte bytes, int length, IntPtr destructor);

    [DllImport(Library, EntryPoint = "sqlite3_bind_text", ExactSpelling = true, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int BindText(IntPtr statement, int index, ref byte utf8, int length, IntPtr destructor);

    [DllImport(Library, EntryPoint = "sqlite3_bind_blob", ExactSpelling = true, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int BindBlob(IntPtr statement, int index, ref byte bytes, int length, IntPtr destructor);

    [DllImport(Library, EntryPoint = "sqlite3_step", ExactSpelling = true, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int Step(IntPtr statement);

    [DllImport(Library, EntryPoint = "sqlite3_reset", ExactSpelling = true, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int Reset(IntPtr statement);

    [DllImport(Library, EntryPoint = "sqlite3_last_insert_rowid", ExactSpelling = true, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [SuppressGCTransition]
    public static extern long LastInsertRowId(IntPtr connection);
}
