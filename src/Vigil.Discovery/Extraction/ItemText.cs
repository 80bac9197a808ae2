namespace Vigil.Discovery.Extraction;

/// <summary>
/// Collects the text parts of one item under the per-item character budget, and reports its problems under its id.
/// </summary>
internal sealed class ItemText
{
    private readonly List<TextPart> _parts = [];
    private readonly Action<ScanProblem> _report;
    private readonly int _maxChars;
    private int _remaining;
    private bool _truncationReported;

    public ItemText(string itemId, ContentLimits limits, Action<ScanProblem> report, CancellationToken cancellationToken)
    {
        ItemId = itemId;
        Limits = limits;
        CancellationToken = cancellationToken;
        _report = report;
        _maxChars = limits.MaxTextCharsPerItem;
        _remaining = limits.MaxTextCharsPerItem;
    }

    public string ItemId { get; }

    public ContentLimits Limits { get; }

    public CancellationToken CancellationToken { get; }

    public IReadOnlyList<TextPart> Parts => _parts;

    /// <summary>Whether the character budget is spent, so the part need not be decoded (reported once per item).</summary>
    public bool NoRoomFor(string partName)
    {
        if (_remaining > 0)
        {
            return false;
        }

        ReportTruncation(partName);
        return true;
    }

    public void Add(string partName, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (text.Length > _remaining)
        {
            ReportTruncation(partName);
            if (_remaining <= 0)
            {
                return;
            }

            text = text[.._remaining];
        }

        _remaining -= text.Length;
        _parts.Add(new TextPart(partName, text));
    }

    public void Problem(string? partName, string reason) => _report(new ScanProblem(ItemId, partName, reason));

    private void ReportTruncation(string partName)
    {
        if (!_truncationReported)
        {
            _truncationReported = true;
            Problem(partName, $"text beyond {_maxChars} characters per item not scanned");
        }
    }
}
