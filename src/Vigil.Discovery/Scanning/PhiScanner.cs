using Vigil.Discovery.Extraction;
using Vigil.Discovery.Recognition;

namespace Vigil.Discovery.Scanning;

/// <summary>
/// Runs items through the recognisers: several items at once (at most <see cref="PhiScannerOptions.Parallelism"/>),
/// results in the order the items came, so that the same input always gives the same output.
/// </summary>
public sealed class PhiScanner : IDisposable
{
    private readonly PhiScannerOptions _options;
    private readonly PhiRecogniser _recogniser;
    private readonly ThreadLocal<List<PhiMatch>> _matches = new(static () => []);

    /// <summary>A scanner over <paramref name="vocabulary"/> (one recogniser, shared by the threads: it is immutable).</summary>
    public PhiScanner(PhiVocabulary vocabulary, RecogniserOptions recogniserOptions, PhiScannerOptions options)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _recogniser = new PhiRecogniser(vocabulary, recogniserOptions);
    }

    /// <summary>
    /// Scans every item, <see cref="PhiScannerOptions.Parallelism"/> at a time, in batches so that memory stays bounded;
    /// yields one result per item (empty when nothing was found), in input order.
    /// </summary>
    public IEnumerable<ItemFindings> Scan(IEnumerable<ScanItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var parallelism = Math.Max(1, _options.Parallelism);
        if (parallelism == 1)
        {
            foreach (var item in items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return ScanItem(item);
            }

            yield break;
        }

        var batch = new List<ScanItem>(parallelism * 4);
        var results = new ItemFindings[parallelism * 4];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
        foreach (var item in items)
        {
            batch.Add(item);
            if (batch.Count == results.Length)
            {
                Parallel.For(0, batch.Count, parallel, i => results[i] = ScanItem(batch[i]));
                for (var i = 0; i < batch.Count; i++)
                {
                    yield return results[i];
                }

                batch.Clear();
            }
        }

        Parallel.For(0, batch.Count, parallel, i => results[i] = ScanItem(batch[i]));
        for (var i = 0; i < batch.Count; i++)
        {
            yield return results[i];
        }
    }

    /// <summary>Scans one item on the calling thread.</summary>
    public ItemFindings ScanItem(ScanItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var matches = _matches.Value!;
        var findings = new List<Finding>();
        List<ScanProblem>? problems = null;
        long characters = 0;
        foreach (var part in item.Parts)
        {
            characters += part.Text.Length;
            matches.Clear();
            try
            {
                _recogniser.Scan(part.Text, matches);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A bug must not stop a breach scan: the part is reported (by name and exception type, never its text).
                (problems ??= []).Add(new ScanProblem(item.Id, part.Name, $"recognisers failed ({e.GetType().Name}); part not scanned"));
                continue;
            }

            if (matches.Count > 0)
            {
                AddFindings(part, matches, findings);
            }
        }

        return new ItemFindings(item.Id, item.Kind, item.Location, characters, findings, problems ?? []);
    }

    private void AddFindings(TextPart part, List<PhiMatch> matches, List<Finding> findings)
    {
        matches.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var lines = new LineWalker(part.Text, part.Name == "headers");
        foreach (var m in matches)
        {
            if (m.Confidence < _options.MinConfidence || m.Start < 0 || m.Length <= 0 || m.Start + m.Length > part.Text.Length)
            {
                continue;
            }

            var value = part.Text.Substring(m.Start, m.Length);
            var (line, paragraph, header) = lines.MoveTo(m.Start);
            findings.Add(new Finding(
                m.Type,
                PhiTypes.CategoryOf(m.Type),
                header is null ? part.Name : $"{part.Name}:{header}",
                _options.KeepValues ? value : null,
                PhiMask.Mask(m.Type, value),
                m.Confidence,
                m.Evidence,
                new FindingPosition(m.Start, m.Length, line, paragraph)));
        }
    }

    /// <summary>Releases the per-thread match lists.</summary>
    public void Dispose() => _matches.Dispose();
}
