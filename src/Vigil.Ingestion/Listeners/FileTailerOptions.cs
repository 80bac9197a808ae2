namespace Vigil.Ingestion.Listeners;

/// <summary>Settings of a <see cref="FileTailer"/>.</summary>
/// <remarks>Validated when the tailer is created; a bad value throws <see cref="ArgumentException"/>.</remarks>
public sealed class FileTailerOptions
{
    /// <summary>Name used in <see cref="ReceivedMessage.Listener"/> and statistics.</summary>
    public string Name { get; set; } = "file";

    /// <summary>
    /// What to watch: files, folders (every file directly inside) and globs with <c>*</c> and <c>?</c> in the last
    /// part only (<c>/var/log/*.log</c>). Paths that do not exist yet are watched for. Compressed rotated files
    /// (<c>.gz</c>) are read as text if matched, so choose globs that leave them out.
    /// </summary>
    public IList<string> Paths { get; init; } = [];

    /// <summary>How often files are checked for new lines, rotation and truncation.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest line delivered, in bytes without the newline; longer lines are skipped and counted.</summary>
    public int MaxLineLength { get; set; } = 64 * 1024;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Name);
        ArgumentNullException.ThrowIfNull(Paths);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PollInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLineLength, 1);
        foreach (var path in Paths)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(path, nameof(Paths));
            if (Path.GetDirectoryName(path)?.IndexOfAny(['*', '?']) >= 0)
            {
                throw new ArgumentException($"'{path}': wildcards are allowed in the file name only.", nameof(Paths));
            }
        }
    }
}
