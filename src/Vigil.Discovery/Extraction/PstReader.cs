using System.Diagnostics;

namespace Vigil.Discovery.Extraction;

/// <summary>
/// PST (and OST) files through Debian's <c>readpst</c> (package pst-utils): the messages are exported as mbox files
/// into a private temporary folder, read like any mbox (ids <c>file.pst#f3#12</c>: folder 3 in export order, message
/// 12), and the folder is deleted afterwards. Without <c>readpst</c> the file is reported and skipped.
/// </summary>
internal static class PstReader
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(30);

    /// <summary>Reads the PST file at <paramref name="path"/>; items and problems name <paramref name="location"/> (default: the path).</summary>
    public static IEnumerable<ScanItem> Read(string path, ContentLimits limits, Action<ScanProblem> report, CancellationToken cancellationToken, string? location = null) =>
        Read(path, FindReadpst(), limits, report, cancellationToken, location);

    /// <summary>Reads with the given <c>readpst</c> executable, or reports the file when it is null.</summary>
    public static IEnumerable<ScanItem> Read(string path, string? readpst, ContentLimits limits, Action<ScanProblem> report, CancellationToken cancellationToken, string? location = null)
    {
        location ??= path;
        if (readpst is null)
        {
            report(new ScanProblem(location, null, "PST file needs readpst (Debian package pst-utils): not scanned"));
            yield break;
        }

        var folder = ExportFolder(limits.TempFolder);
        try
        {
            var problem = Export(readpst, path, folder.FullName, cancellationToken);
            if (problem is not null)
            {
                report(new ScanProblem(location, null, problem));
            }

            var mboxes = Directory.GetFiles(folder.FullName, "*", SearchOption.AllDirectories);
            Array.Sort(mboxes, StringComparer.Ordinal);
            for (var i = 0; i < mboxes.Length; i++)
            {
                using var stream = new FileStream(mboxes[i], FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
                foreach (var item in Mailboxes.ReadMbox(stream, $"{location}#f{i + 1}", limits, report, cancellationToken))
                {
                    yield return item with { Location = location };
                }
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>A new private (0700) folder for the export, in <paramref name="tempFolder"/> when given.</summary>
    private static DirectoryInfo ExportFolder(string? tempFolder)
    {
        if (tempFolder is null)
        {
            return Directory.CreateTempSubdirectory("vigil-pst-");
        }

        var path = Path.Combine(tempFolder, $"vigil-pst-{Guid.NewGuid():N}");
        return OperatingSystem.IsWindows()
            ? Directory.CreateDirectory(path)
            : Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static string? Export(string readpst, string pst, string outputFolder, CancellationToken cancellationToken)
    {
        // -q quiet, -r folder tree of mbox files, -t e e-mail only, -o output folder. No shell: arguments are a list.
        var start = new ProcessStartInfo(readpst)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-q", "-r", "-t", "e", "-o", outputFolder, pst })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start);
        if (process is null)
        {
            return "readpst could not be started: not scanned";
        }

        // Drain both pipes so readpst never blocks on a full pipe; its output names folders, so it is not kept.
        var drainOut = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var drainErr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            process.WaitForExitAsync(deadline.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            return $"readpst did not finish within {Timeout.TotalMinutes} minutes: read in part";
        }

        _ = Task.WhenAll(drainOut, drainErr).Wait(TimeSpan.FromSeconds(5), CancellationToken.None);
        return process.ExitCode == 0 ? null : $"readpst exited with code {process.ExitCode} (corrupt or unsupported PST): read in part";
    }

    private static string? FindReadpst()
    {
        var paths = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator);
        return paths.Select(p => Path.Combine(p, "readpst")).FirstOrDefault(File.Exists);
    }
}
