namespace Vigil.Discovery.Extraction;

/// <summary>Expands paths to files and reads one file by its <see cref="InputKind"/>.</summary>
internal static class InputFiles
{
    private static readonly EnumerationOptions Walk = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        AttributesToSkip = FileAttributes.ReparsePoint,
    };

    public static IEnumerable<string> Expand(string path, Action<ScanProblem> report)
    {
        if (File.Exists(path))
        {
            return [path];
        }

        if (Directory.Exists(path))
        {
            return Folder(path, report);
        }

        report(new ScanProblem(path, null, "no such file or folder"));
        return [];
    }

    public static IEnumerable<ScanItem> Read(string path, ContentLimits limits, Action<ScanProblem> report, CancellationToken cancellationToken)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            report(new ScanProblem(path, null, $"cannot be opened ({e.GetType().Name})"));
            yield break;
        }

        using (stream)
        {
            foreach (var item in Read(stream, path, path, limits, report, cancellationToken))
            {
                yield return item;
            }
        }
    }

    /// <summary>
    /// Reads one input from a seekable <paramref name="stream"/> named <paramref name="location"/> (its extension and
    /// first bytes tell the kind). A PST needs a file for <c>readpst</c>: <paramref name="file"/> when the stream is
    /// one, else the stream is spooled to a private temporary file in <see cref="ContentLimits.TempFolder"/>.
    /// </summary>
    public static IEnumerable<ScanItem> Read(Stream stream, string location, string? file, ContentLimits limits, Action<ScanProblem> report, CancellationToken cancellationToken)
    {
        Span<byte> head = stackalloc byte[512];
        var kind = InputKinds.Classify(location, head[..stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)]);
        stream.Position = 0;
        var items = kind switch
        {
            InputKind.Mbox => Mailboxes.ReadMbox(stream, location, limits, report, cancellationToken),
            InputKind.GzipMbox => GzipMbox(stream, location, limits, report, cancellationToken),
            InputKind.Eml => Optional(Mailboxes.ReadEml(stream, location, limits, report, cancellationToken)),
            InputKind.Pst when file is not null => PstReader.Read(file, limits, report, cancellationToken),
            InputKind.Pst => SpooledPst(stream, location, limits, report, cancellationToken),
            InputKind.Zip => StandaloneDocuments.Zip(stream, location, limits, report, cancellationToken),
            _ => [StandaloneDocuments.Document(stream, location, limits, report, cancellationToken)],
        };
        foreach (var item in items)
        {
            yield return item;
        }
    }

    private static IEnumerable<ScanItem> SpooledPst(Stream stream, string location, ContentLimits limits, Action<ScanProblem> report, CancellationToken cancellationToken)
    {
        // Deleted on close: the plaintext copy lives only while readpst and the reader need it.
        using var spool = TempSpool.Create(limits.TempFolder);
        stream.CopyTo(spool);
        spool.Flush();
        foreach (var item in PstReader.Read(spool.Name, limits, report, cancellationToken, location))
        {
            yield return item;
        }
    }

    private static IEnumerable<ScanItem> GzipMbox(Stream gzip, string path, ContentLimits limits, Action<ScanProblem> report, CancellationToken cancellationToken)
    {
        using var spool = TempSpool.Gunzip(gzip, limits, cancellationToken, out var problem);
        if (problem is not null)
        {
            report(new ScanProblem(path, null, problem));
        }

        Span<byte> head = stackalloc byte[5];
        var isMbox = spool.ReadAtLeast(head, 5, throwOnEndOfStream: false) == 5 && head.SequenceEqual("From "u8);
        spool.Position = 0;
        if (!isMbox)
        {
            report(new ScanProblem(path, null, "gzip file that is not an mbox: not scanned"));
            yield break;
        }

        foreach (var item in Mailboxes.ReadMbox(spool, path, limits, report, cancellationToken))
        {
            yield return item;
        }
    }

    private static IEnumerable<ScanItem> Optional(ScanItem? item) => item is null ? [] : [item];

    private static IEnumerable<string> Folder(string folder, Action<ScanProblem> report)
    {
        string[] files, folders;
        try
        {
            files = Directory.GetFiles(folder, "*", Walk);
            folders = Directory.GetDirectories(folder, "*", Walk);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            report(new ScanProblem(folder, null, $"folder cannot be listed ({e.GetType().Name})"));
            yield break;
        }

        Array.Sort(files, StringComparer.Ordinal);
        Array.Sort(folders, StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (!InputKinds.IsMaildirBookkeeping(file))
            {
                yield return file;
            }
        }

        foreach (var sub in folders)
        {
            foreach (var file in Folder(sub, report))
            {
                yield return file;
            }
        }
    }
}
