using System.Text.Json;

namespace Vigil.Ingestion.Listeners;

/// <summary>An <see cref="IFilePositionStore"/> in one small JSON file, rewritten atomically on every save.</summary>
/// <remarks>
/// Each save writes the whole map to a temporary file beside the target, flushes it to disk and renames it over the
/// target, so a crash leaves either the old or the new file, never a torn one. Thread-safe. A missing file means no
/// positions; an unreadable or corrupt file throws <see cref="InvalidDataException"/> at the first call rather than
/// silently re-reading every log from the start.
/// </remarks>
public sealed class JsonFilePositionStore : IFilePositionStore, IDisposable
{
    private readonly string _path;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Dictionary<string, FilePosition>? _positions;

    /// <summary>Creates a store kept in <paramref name="path"/>; its folder is created on the first save.</summary>
    public JsonFilePositionStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = Path.GetFullPath(path);
    }

    /// <inheritdoc />
    public async ValueTask<FilePosition?> GetAsync(string path, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return (await LoadAsync(cancellationToken).ConfigureAwait(false)).GetValueOrDefault(path);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask SaveAsync(FilePosition position, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(position);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var positions = await LoadAsync(cancellationToken).ConfigureAwait(false);
            positions[position.Path] = position;
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            var temporary = _path + ".tmp";
            var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None);
            await using (stream.ConfigureAwait(false))
            {
                await JsonSerializer.SerializeAsync(stream, positions.Values.OrderBy(p => p.Path, StringComparer.Ordinal), cancellationToken: cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, _path, overwrite: true);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private async ValueTask<Dictionary<string, FilePosition>> LoadAsync(CancellationToken cancellationToken)
    {
        if (_positions is not null)
        {
            return _positions;
        }

        var positions = new Dictionary<string, FilePosition>(StringComparer.Ordinal);
        if (File.Exists(_path))
        {
            try
            {
                var stream = File.OpenRead(_path);
                await using (stream.ConfigureAwait(false))
                {
                    var saved = await JsonSerializer.DeserializeAsync<List<FilePosition>>(stream, cancellationToken: cancellationToken)
                        .ConfigureAwait(false);
                    foreach (var position in saved ?? [])
                    {
                        positions[position.Path] = position;
                    }
                }
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{_path}: the file positions are not valid JSON; fix or delete it.", e);
            }
        }

        return _positions = positions;
    }
}
