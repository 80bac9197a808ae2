using System.Text.Json;
using Vigil.Ingestion.Listeners;
using Vigil.Storage;

namespace Vigil.Monitoring.Ingest;

/// <summary>File tail positions kept in the store (<see cref="IKeyValueStore"/>), so they survive restarts with the events.</summary>
public sealed class StoredFilePositions(IKeyValueStore state) : IFilePositionStore
{
    private const string Prefix = "tail:";

    /// <inheritdoc/>
    public async ValueTask<FilePosition?> GetAsync(string path, CancellationToken cancellationToken)
    {
        var json = await state.GetAsync(Prefix + path, cancellationToken).ConfigureAwait(false);
        if (json is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            return new FilePosition(path, root.GetProperty("file_id").GetString() ?? "", root.GetProperty("offset").GetInt64());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // A damaged position is treated as none: the file is read from its start, duplicating rather than losing.
            return null;
        }
    }

    /// <inheritdoc/>
    public async ValueTask SaveAsync(FilePosition position, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(position);
        var json = JsonSerializer.Serialize(new Dictionary<string, object> { ["file_id"] = position.FileId, ["offset"] = position.Offset });
        await state.SetAsync(Prefix + position.Path, json, cancellationToken).ConfigureAwait(false);
    }
}
