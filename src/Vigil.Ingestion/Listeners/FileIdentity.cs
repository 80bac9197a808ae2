using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Vigil.Ingestion.Listeners;

/// <summary>
/// A file's identity, <c>device:inode</c>, on Linux (glibc 2.33 or later exports <c>stat</c> and <c>fstat</c>). Empty
/// elsewhere: then rotation by rename is not told apart from growth, and only truncation is detected.
/// </summary>
internal static class FileIdentity
{
    // st_dev and st_ino are the first two 64-bit fields of struct stat on x86-64 and arm64 glibc; the struct is
    // 144 and 128 bytes there, so 256 bytes is room enough.
    private const int StatSize = 256;

    private static readonly bool Supported = OperatingSystem.IsLinux() && Probe();

    /// <summary>The identity of the file now at <paramref name="path"/>; null when it does not exist.</summary>
    public static string? OfPath(string path)
    {
        if (!Supported)
        {
            return File.Exists(path) ? "" : null;
        }

        var stat = new byte[StatSize];
        return NativeMethods.Stat(path, stat) == 0 ? Format(stat) : null;
    }

    /// <summary>The identity of an open file.</summary>
    public static string OfHandle(SafeFileHandle handle)
    {
        if (!Supported)
        {
            return "";
        }

        var stat = new byte[StatSize];
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return NativeMethods.FStat((int)handle.DangerousGetHandle(), stat) == 0 ? Format(stat) : "";
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    private static string Format(byte[] stat) =>
        $"{BitConverter.ToUInt64(stat, 0)}:{BitConverter.ToUInt64(stat, 8)}";

    private static bool Probe()
    {
        try
        {
            return NativeMethods.Stat("/", new byte[StatSize]) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "stat", ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);

        [DllImport("libc", EntryPoint = "fstat", ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int FStat(int descriptor, byte[] buffer);
    }
}
