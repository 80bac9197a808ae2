using System.IO.Enumeration;

namespace Vigil.Ingestion.Listeners;

/// <summary>Expands the tailer's paths, folders and globs into the files that exist now.</summary>
internal static class FilePatterns
{
    private static readonly EnumerationOptions ListOptions = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = true,
        AttributesToSkip = 0,
    };

    /// <summary>Full paths of matching files, sorted by ordinal path so polls are repeatable.</summary>
    public static SortedSet<string> Expand(IEnumerable<string> patterns)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var pattern in patterns)
        {
            var full = Path.GetFullPath(pattern);
            var name = Path.GetFileName(full);
            if (name.AsSpan().IndexOfAny('*', '?') >= 0)
            {
                AddMatching(files, Path.GetDirectoryName(full)!, name);
            }
            else if (Directory.Exists(full))
            {
                AddMatching(files, full, "*");
            }
            else if (File.Exists(full))
            {
                files.Add(full);
            }
        }

        return files;
    }

    private static void AddMatching(SortedSet<string> files, string folder, string name)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        try
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", ListOptions))
            {
                if (FileSystemName.MatchesSimpleExpression(name, Path.GetFileName(file), ignoreCase: false))
                {
                    files.Add(file);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The folder went away or became unreadable between the check and the listing; the next poll retries.
        }
    }
}
