using System.IO.Compression;

namespace Vigil.Discovery.Extraction;

/// <summary>
/// ZIP archives (System.IO.Compression), entry by entry, each under the ZIP limits: depth, entry count, declared and
/// actual expansion ratio (a higher one is a suspected ZIP bomb and is not expanded), and the bytes one archive with
/// its nested archives may expand to.
/// </summary>
internal static class ZipText
{
    /// <summary>Small entries compress well legitimately: the ratio check applies beyond this many bytes.</summary>
    private const long RatioFloorBytes = 64 * 1024;

    public static bool IsBomb(ZipArchiveEntry entry, ContentLimits limits) =>
        entry.Length > RatioFloorBytes && entry.Length > entry.CompressedLength * limits.MaxZipExpansionRatio;

    /// <summary>The entries of an archive nested in an item (attachment or ZIP entry), as parts of that item.</summary>
    public static void Extract(ItemText item, string name, Stream zip, Nesting at)
    {
        if (at.ZipDepth >= item.Limits.MaxZipDepth)
        {
            item.Problem(name, $"ZIP nested deeper than {item.Limits.MaxZipDepth}: not opened");
            return;
        }

        var inner = at with { ZipDepth = at.ZipDepth + 1, ZipBudget = at.ZipBudget ?? new ZipBudget(item.Limits.MaxZipTotalBytes) };
        foreach (var entry in Entries(zip, item.Limits, inner.ZipBudget!, item.CancellationToken))
        {
            var part = entry.Number == 0 ? name : $"{name}/zip[{entry.Number}]:{entry.FileName}";
            using var bytes = entry.Bytes;
            if (bytes is null)
            {
                item.Problem(part, entry.Problem ?? "not read");
                continue;
            }

            DocumentText.Extract(item, part, entry.FileName, null, bytes, inner with { Prefix = part + "/" });
        }
    }

    /// <summary>
    /// Reads the file entries in order; entry number 0 carries a problem with the archive itself. Never throws for bad
    /// input.
    /// </summary>
    public static IEnumerable<ZipEntryRead> Entries(Stream zip, ContentLimits limits, ZipBudget budget, CancellationToken cancellationToken)
    {
        var archive = Open(zip, out var problem);
        if (archive is null)
        {
            yield return new ZipEntryRead(0, string.Empty, null, problem);
            yield break;
        }

        using (archive)
        {
            var number = 0;
            foreach (var entry in archive.Entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (entry.FullName.EndsWith('/'))
                {
                    continue;
                }

                number++;
                if (number > limits.MaxZipEntries)
                {
                    yield return new ZipEntryRead(0, string.Empty, null, $"more than {limits.MaxZipEntries} entries: the rest not read");
                    yield break;
                }

                yield return Read(entry, number, limits, budget);
            }
        }
    }

    private static ZipArchive? Open(Stream zip, out string? problem)
    {
        problem = null;
        try
        {
            return new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            problem = "malformed ZIP archive: not read";
            return null;
        }
    }

    private static ZipEntryRead Read(ZipArchiveEntry entry, int number, ContentLimits limits, ZipBudget budget)
    {
        if (IsBomb(entry, limits))
        {
            return new(number, entry.Name, null, $"expands more than {limits.MaxZipExpansionRatio} times (suspected ZIP bomb): not expanded");
        }

        if (entry.Length > limits.MaxPartBytes)
        {
            return new(number, entry.Name, null, $"larger than {limits.MaxPartBytes} bytes: not read");
        }

        if (entry.Length > budget.Remaining)
        {
            return new(number, entry.Name, null, $"archive expands beyond {limits.MaxZipTotalBytes} bytes in all (suspected ZIP bomb): not read");
        }

        // Declared sizes can lie: never decompress more than the declared, ratio-bounded or budgeted size allows.
        var cap = Math.Min(Math.Min(limits.MaxPartBytes, budget.Remaining), Math.Max(entry.Length, 0) + 1);
        var bytes = new CappedBuffer(cap);
        try
        {
            using (var stream = entry.Open())
            {
                bytes.CopyFrom(stream, CancellationToken.None);
            }

            budget.Spend(bytes.Length);
            if (bytes.Overflowed)
            {
                bytes.Dispose();
                return new(number, entry.Name, null, "expands beyond its declared size (suspected ZIP bomb): not read");
            }

            return new(number, entry.Name, bytes, null);
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException)
        {
            bytes.Dispose();
            return new(number, entry.Name, null, $"entry could not be decompressed ({e.GetType().Name}; encrypted or corrupt): not read");
        }
    }
}
