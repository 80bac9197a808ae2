using System.IO.Enumeration;
using Vigil.Diagnostics;

namespace Vigil.Ingestion.Files;

/// <summary>Expands input paths (files and folders) into the files to read.</summary>
internal static class InputPaths
{
    private static readonly EnumerationOptions ListOptions = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        // Hidden files are logs too (an attacker's dotfile most of all).
        AttributesToSkip = 0,
    };

    /// <summary>See <see cref="LogFiles.Expand"/>.</summary>
    public static IEnumerable<string> Expand(IEnumerable<string> inputs, IProblemSink problems)
    {
        foreach (var input in inputs)
        {
            if (string.IsNullOrWhiteSpace(input))
            {
                problems.Report(new InputProblem(input ?? "", "", ProblemKinds.Unreadable, "the path is empty"));
            }
            else if (Directory.Exists(input))
            {
                foreach (var file in FilesUnder(input, problems))
                {
                    yield return file;
                }
            }
            else if (CheckFile(input, problems))
            {
                yield return input;
            }
        }
    }

    /// <summary>Why <paramref name="path"/> could not be opened, in words, from the error met.</summary>
    public static string WhyUnreadable(string path, Exception error)
    {
        if (error is FileNotFoundException or DirectoryNotFoundException)
        {
            return IsDanglingLink(path) ? "is a link to a path that does not exist" : "does not exist";
        }

        return error switch
        {
            UnauthorizedAccessException => "cannot be opened: permission denied",
            PathTooLongException => "cannot be opened: the path is too long",
            ArgumentException or NotSupportedException => "is not a valid path",
            _ => "cannot be opened: " + error.Message,
        };
    }

    // Every file below `root`, sorted by ordinal path so runs are repeatable. Links to folders are not followed
    // (they can loop); links to files are.
    private static List<string> FilesUnder(string root, IProblemSink problems)
    {
        var files = new List<string>();
        var folders = new Stack<string>();
        folders.Push(root);
        while (folders.Count > 0)
        {
            var folder = folders.Pop();
            try
            {
                var entries = new FileSystemEnumerable<(string Path, bool IsFolder, bool IsLink)>(
                    folder,
                    static (ref FileSystemEntry entry) =>
                        (entry.ToSpecifiedFullPath(), entry.IsDirectory, (entry.Attributes & FileAttributes.ReparsePoint) != 0),
                    ListOptions);
                foreach (var (path, isFolder, isLink) in entries)
                {
                    if (isFolder)
                    {
                        if (!isLink)
                        {
                            folders.Push(path);
                        }
                    }
                    else if (CheckFile(path, problems))
                    {
                        files.Add(path);
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                var reason = e is UnauthorizedAccessException ? "permission denied" : e.Message;
                problems.Report(new InputProblem(
                    folder, "", ProblemKinds.Unreadable, $"the folder cannot be listed: {reason}; it was skipped"));
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    // Whether `path` is a file that opens for reading; reports it when not.
    private static bool CheckFile(string path, IProblemSink problems)
    {
        try
        {
            File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete).Dispose();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problems.Report(new InputProblem(path, "", ProblemKinds.Unreadable, WhyUnreadable(path, e) + "; it was skipped"));
            return false;
        }
    }

    private static bool IsDanglingLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is not null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return false;
        }
    }
}
