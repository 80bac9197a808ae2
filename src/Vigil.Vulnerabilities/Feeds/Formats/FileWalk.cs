namespace Vigil.Vulnerabilities.Feeds.Formats;

/// <summary>Expands files and folders into the files to read, and peeks at a file's first bytes.</summary>
internal static class FileWalk
{
    private const int HeadLength = 4096;

    /// <summary>Each file named, and every file under each folder named (recursively, ordinal order); a missing path is reported.</summary>
    public static IEnumerable<string> Expand(IEnumerable<string> paths, Action<string, string, string> problem)
    {
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                yield return path;
            }
            else if (Directory.Exists(path))
            {
                var files = Directory.GetFiles(path, "*", SearchOption.AllDirectories);
                Array.Sort(files, StringComparer.Ordinal);
                foreach (var file in files)
                {
                    yield return file;
                }
            }
            else
            {
                problem(path, "file", "no such file or folder");
            }
        }
    }

    /// <summary>The file's first 4 KiB.</summary>
    public static byte[] Head(string file)
    {
        using var stream = File.OpenRead(file);
        var buffer = new byte[HeadLength];
        var length = stream.ReadAtLeast(buffer, HeadLength, throwOnEndOfStream: false);
        return buffer[..length];
    }

    /// <summary>The first character that is not white space or a UTF-8 byte order mark, or '\0'.</summary>
    public static char FirstSignificant(byte[] head)
    {
        var start = head is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
        for (var i = start; i < head.Length; i++)
        {
            if (head[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return (char)head[i];
            }
        }

        return '\0';
    }
}
