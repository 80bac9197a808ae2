using System.Diagnostics;
using System.Globalization;

namespace Vigil.Storage.Incidents;

/// <summary>
/// A folder of the data folder's private temporary area (<c>{DataDirectory}/tmp</c>, mode 0700) for work that needs
/// plaintext as a file (a PST for <c>readpst</c>), instead of the shared system temporary folder. The folder is named
/// after the process that made it and deleted on dispose; the folders of processes that died (a crash) are swept when
/// the store opens and before each new folder is made.
/// </summary>
public sealed class PrivateTempFolder : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private PrivateTempFolder(string path) => Path = path;

    /// <summary>The folder (exists until <see cref="Dispose"/>).</summary>
    public string Path { get; }

    /// <summary>The private temporary area of <paramref name="dataDirectory"/>.</summary>
    public static string AreaOf(string dataDirectory) => System.IO.Path.Combine(System.IO.Path.GetFullPath(dataDirectory), "tmp");

    /// <summary>Sweeps the area, then makes a new folder in it.</summary>
    public static PrivateTempFolder Create(string dataDirectory)
    {
        var area = AreaOf(dataDirectory);
        Sweep(area);
        MakePrivate(area);
        var folder = System.IO.Path.Combine(area, string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}-{Guid.NewGuid():N}"));
        MakePrivate(folder);
        return new PrivateTempFolder(folder);
    }

    /// <summary>Deletes the folders in <paramref name="area"/> whose process is no longer running; returns how many.</summary>
    public static int Sweep(string area)
    {
        if (!Directory.Exists(area))
        {
            return 0;
        }

        var swept = 0;
        foreach (var folder in Directory.GetDirectories(area))
        {
            var name = System.IO.Path.GetFileName(folder);
            var dash = name.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0 && int.TryParse(name.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !IsRunning(pid))
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                    swept++;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Another process swept it first, or it cannot be removed now: the next sweep tries again.
                }
            }
        }

        return swept;
    }

    /// <summary>Deletes the folder and everything left in it.</summary>
    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }

    private static void MakePrivate(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, OwnerOnly);
            File.SetUnixFileMode(folder, OwnerOnly);
        }
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
