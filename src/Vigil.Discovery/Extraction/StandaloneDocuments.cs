namespace Vigil.Discovery.Extraction;

/// <summary>
/// Files that are not mail: one <see cref="ScanItemKind.Document"/> item per file (part <c>document</c>), and one per
/// entry of a ZIP file (id <c>path#n</c>, part <c>zip[n]:name</c>, archives inside it expanded into that item).
/// </summary>
internal static class StandaloneDocuments
{
    public static ScanItem Document(Stream file, string path, ContentLimits limits, Action<ScanProblem> report, CancellationToken cancellationToken)
    {
        var item = new ItemText(path, limits, report, cancellationToken);
        try
        {
            using var bytes = new CappedBuffer(limits.MaxPartBytes);
            bytes.CopyFrom(file, cancellationToken);
            DocumentText.Extract(item, "document", Path.GetFileName(path), null, bytes, Nesting.Top);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            item.Problem("document", $"could not be read ({e.GetType().Name})");
        }

        return new ScanItem(path, ScanItemKind.Document, path, item.Parts);
    }

    public static IEnumerable<ScanItem> Zip(Stream file, string path, ContentLimits limits, Action<ScanProblem> report, CancellationToken cancellationToken)
    {
        var budget = new ZipBudget(limits.MaxZipTotalBytes);
        var at = new Nesting(string.Empty, 0, 1, budget);
        foreach (var entry in ZipText.Entries(file, limits, budget, cancellationToken))
        {
            var part = entry.Number == 0 ? null : $"zip[{entry.Number}]:{entry.FileName}";
            using var bytes = entry.Bytes;
            if (bytes is null)
            {
                report(new ScanProblem(path, part, entry.Problem ?? "not read"));
                continue;
            }

            var id = $"{path}#{entry.Number}";
            var item = new ItemText(id, limits, report, cancellationToken);
            try
            {
                DocumentText.Extract(item, part!, entry.FileName, null, bytes, at with { Prefix = part + "/" });
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                item.Problem(part, $"could not be read ({e.GetType().Name})");
            }

            yield return new ScanItem(id, ScanItemKind.Document, path, item.Parts);
        }
    }
}
