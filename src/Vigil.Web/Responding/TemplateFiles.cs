using System.Collections.Concurrent;

namespace Vigil.Web.Responding;

/// <summary>
/// The document templates (regulator notification, patient letter) read once per path and read again only when the
/// file changes (its last-write time or length differ), so the practice can still edit them while <c>vigil serve</c> runs.
/// </summary>
internal sealed class TemplateFiles
{
    private readonly ConcurrentDictionary<string, (DateTime Written, long Length, string Text)> _read = new(StringComparer.Ordinal);

    /// <summary>The text of the template at <paramref name="path"/> (FileNotFoundException when it is missing).</summary>
    public async Task<string> ReadAsync(string path, CancellationToken ct)
    {
        var file = new FileInfo(path);
        var (written, length) = (file.LastWriteTimeUtc, file.Length);
        if (_read.TryGetValue(path, out var known) && known.Written == written && known.Length == length)
        {
            return known.Text;
        }

        // Stamped before reading: a change made meanwhile shows as a different stamp next time, and is read then.
        var text = await File.ReadAllTextAsync(path, ct).ConfigureAwait(false);
        _read[path] = (written, length, text);
        return text;
    }
}
