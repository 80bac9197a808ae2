using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Vigil.Storage.Quarantine;

namespace Vigil.Monitoring.Ingest;

/// <summary>Stores rejected input in the background, in batches, so a flood of garbage cannot slow the listeners.</summary>
/// <remarks>
/// Bounded: beyond 10,000 waiting items, more rejected input is counted (it already is, as rejected) but not kept. Raw
/// bytes are truncated to 64 KiB.
/// </remarks>
internal sealed partial class QuarantineWriter(IQuarantineStore store, ILogger<QuarantineWriter> log)
{
    private const int MaxRaw = 64 * 1024;

    private readonly Channel<QuarantinedItem> _channel = Channel.CreateBounded<QuarantinedItem>(new BoundedChannelOptions(10_000)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    public void Add(string listener, string origin, string reason, DateTimeOffset receivedAt, ReadOnlySpan<byte> raw) =>
        _channel.Writer.TryWrite(new QuarantinedItem(0, listener, origin, reason, receivedAt, raw[..Math.Min(raw.Length, MaxRaw)].ToArray()));

    public void Complete() => _channel.Writer.TryComplete();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var batch = new List<QuarantinedItem>();
        while (await _channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < 500 && _channel.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            try
            {
                await store.AddAsync(batch, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(log, batch.Count, e.GetType().Name);
            }
        }
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Error, Message = "Could not store {Count} quarantined items ({Error})")]
    private static partial void LogFailed(ILogger logger, int count, string error);
}
