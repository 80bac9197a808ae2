using Vigil.Events;

namespace Vigil.Ingestion.Json;

/// <summary>One JSON object of a request body: the event it makes, and its text exactly as received.</summary>
/// <param name="Event">The flattened event (fields as <c>vigil hunt</c> reads them from files).</param>
/// <param name="Raw">The object's JSON text as received (valid UTF-8): a slice of the body given to <see cref="JsonRecords.Parse"/>.</param>
public sealed record JsonRecord(LogEvent Event, ReadOnlyMemory<byte> Raw);
