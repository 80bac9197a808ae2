using Vigil.Response.Evidence;
using Vigil.Storage.Protection;

namespace Vigil.Storage.Incidents;

/// <summary>An evidence item opened for reading in place: its plaintext is decrypted in memory as it is read, never written out.</summary>
public sealed class EvidenceReading : IAsyncDisposable
{
    private readonly EnvelopeReadStream _content;

    internal EvidenceReading(EvidenceItem item, EnvelopeReadStream content)
    {
        Item = item;
        _content = content;
    }

    /// <summary>The item (name, length, intake hash).</summary>
    public EvidenceItem Item { get; }

    /// <summary>The plaintext: read-only and seekable; each 64 KiB chunk is authenticated when read.</summary>
    /// <exception cref="ProtectionException">Thrown by reads when a chunk was altered.</exception>
    public Stream Content => _content;

    /// <summary>The first authentication failure a read met, or null: a reader that swallows exceptions must check it.</summary>
    public ProtectionException? Failure => _content.Failure;

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _content.DisposeAsync();
}
