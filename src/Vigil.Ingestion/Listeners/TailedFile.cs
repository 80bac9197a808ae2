namespace Vigil.Ingestion.Listeners;

/// <summary>One open file being tailed: its identity, where delivery got to, and the rotation state.</summary>
/// <remarks>
/// Invariant: <see cref="Committed"/> is a line start and every line before it was accepted by the sink (or skipped
/// as bad). Reads always restart from it, so a partial last line is read again until its newline arrives, and
/// nothing past it is ever delivered twice in one run.
/// </remarks>
internal sealed class TailedFile(string path, FileStream stream, string id, long committed) : IDisposable
{
    public string Path { get; set; } = path;

    public string Id => id;

    public long Committed { get; private set; } = committed;

    /// <summary>True while skipping the rest of a line already rejected as oversized.</summary>
    public bool Skipping { get; private set; }

    /// <summary>True once the file's path shows another file or none: it is read to its end, then closed.</summary>
    public bool Retiring { get; set; }

    /// <summary>The length seen at the previous poll, to tell when a retiring file has stopped growing.</summary>
    public long LastLength { get; set; } = -1;

    public FilePosition? Saved { get; set; }

    public long Length => stream.Length;

    /// <summary>Restarts at 0 after a copytruncate rotation (the file is shorter than what was read).</summary>
    public bool RestartIfTruncated()
    {
        if (stream.Length >= Committed)
        {
            return false;
        }

        Committed = 0;
        Skipping = false;
        return true;
    }

    /// <summary>Reads one buffer from <see cref="Committed"/> and hands each whole line to the delegates.</summary>
    /// <returns>True when <see cref="Committed"/> moved (call again); false at the end or at a partial last line.</returns>
    public async ValueTask<bool> ReadAsync(
        byte[] buffer,
        int maxLine,
        Func<byte[], ValueTask> deliver,
        Action oversized,
        CancellationToken cancellationToken)
    {
        var start = Committed;
        var filled = await FillAsync(buffer, cancellationToken).ConfigureAwait(false);
        var lineStart = 0;
        int newline;
        while ((newline = Array.IndexOf(buffer, (byte)'\n', lineStart, filled - lineStart)) >= 0)
        {
            var length = newline - lineStart;
            if (length > 0 && buffer[newline - 1] == (byte)'\r')
            {
                length--;
            }

            if (Skipping)
            {
                Skipping = false;
            }
            else if (length > maxLine)
            {
                oversized();
            }
            else if (length > 0)
            {
                await deliver(buffer.AsSpan(lineStart, length).ToArray()).ConfigureAwait(false);
            }

            lineStart = newline + 1;
            Committed = start + lineStart;
        }

        if (lineStart == 0 && filled == buffer.Length)
        {
            // A whole buffer without a newline: the line is oversized whatever follows; skip to its end.
            if (!Skipping)
            {
                oversized();
            }

            Skipping = true;
            Committed = start + filled;
        }

        return Committed != start;
    }

    /// <summary>The bytes after the last newline, for a retiring file whose last line will never be finished.</summary>
    public async ValueTask<byte[]> ReadRestAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        var filled = await FillAsync(buffer, cancellationToken).ConfigureAwait(false);
        var end = filled > 0 && buffer[filled - 1] == (byte)'\r' ? filled - 1 : filled;
        Committed += filled;
        return Skipping ? [] : buffer.AsSpan(0, end).ToArray();
    }

    public void Dispose() => stream.Dispose();

    private async ValueTask<int> FillAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        stream.Position = Committed;
        var filled = 0;
        int read;
        while (filled < buffer.Length
               && (read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
        {
            filled += read;
        }

        return filled;
    }
}
