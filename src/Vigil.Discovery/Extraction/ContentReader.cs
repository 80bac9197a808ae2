namespace Vigil.Discovery.Extraction;

/// <summary>
/// Turns mailboxes and documents into text for the PHI recognisers: EML, mbox (also gzip-compressed), Maildir folders,
/// PST files (through Debian's <c>readpst</c>), and stand-alone PDF, DOCX, XLSX, CSV, text, HTML and ZIP files; folders
/// are read recursively.
/// </summary>
/// <remarks>
/// <para>Items are produced lazily, one message or document at a time; memory is bounded by <see cref="ContentLimits"/>,
/// not by the size of a mailbox or an attachment.</para>
/// <para>Bad input (broken MIME, lying charsets, truncated base64, encrypted or malformed PDFs, ZIP bombs, huge parts,
/// binary files named .txt, unreadable files) is passed to <c>report</c> with the item or file, the part and the reason,
/// never the content, and reading goes on. Nothing but <see cref="OperationCanceledException"/> (on cancellation)
/// leaves <c>Read</c>. Not thread-safe per enumeration; separate calls may run in parallel.</para>
/// </remarks>
public sealed class ContentReader
{
    private readonly ContentLimits _limits;

    /// <summary>A reader bounded by <paramref name="limits"/> (see <see cref="ContentLimits.Default"/>).</summary>
    public ContentReader(ContentLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _limits = limits;
    }

    /// <summary>The items of the given files and folders, in order (folders sorted by name, recursively).</summary>
    /// <param name="paths">Files or folders.</param>
    /// <param name="report">Called for each problem; must not throw.</param>
    /// <param name="cancellationToken">Stops the enumeration with <see cref="OperationCanceledException"/>.</param>
    public IEnumerable<ScanItem> Read(IEnumerable<string> paths, Action<ScanProblem> report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(report);
        foreach (var path in paths)
        {
            foreach (var file in InputFiles.Expand(path, report))
            {
                foreach (var item in Guarded(InputFiles.Read(file, _limits, report, cancellationToken), file, report))
                {
                    yield return item;
                }
            }
        }
    }

    /// <summary>
    /// The items of one input given as a seekable stream (for example decrypted evidence, so that no plaintext copy is
    /// written); <paramref name="name"/> stands for the file name: its extension and the first bytes tell the kind, and
    /// items and problems are located by it. A PST is spooled to a private file in <see cref="ContentLimits.TempFolder"/>
    /// (deleted on close) for <c>readpst</c>.
    /// </summary>
    public IEnumerable<ScanItem> Read(Stream content, string name, Action<ScanProblem> report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(report);
        if (!content.CanSeek || !content.CanRead)
        {
            throw new ArgumentException("The content must be a readable, seekable stream.", nameof(content));
        }

        return Guarded(InputFiles.Read(content, name, null, _limits, report, cancellationToken), name, report);
    }

    /// <summary>Runs a file's enumeration so that a failure inside it ends that file with a report, not the whole read.</summary>
    private static IEnumerable<ScanItem> Guarded(IEnumerable<ScanItem> items, string file, Action<ScanProblem> report)
    {
        using var enumerator = items.GetEnumerator();
        while (true)
        {
            ScanItem item;
            try
            {
                if (!enumerator.MoveNext())
                {
                    yield break;
                }

                item = enumerator.Current;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                report(new ScanProblem(file, null, $"could not be read further ({e.GetType().Name})"));
                yield break;
            }

            yield return item;
        }
    }
}
