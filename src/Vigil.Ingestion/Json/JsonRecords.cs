using System.Text.Json;
using System.Text.Unicode;

namespace Vigil.Ingestion.Json;

/// <summary>Reads a body of JSON events, as NDJSON (one object per line) or as one JSON array of objects.</summary>
/// <remarks>
/// For the HTTP ingest API: the whole body is in memory (the host limits its size). All or nothing: a body with any
/// invalid record is refused with the record's number and the reason, and no record of it is returned, so that the
/// sender can fix and resend the request without duplicating the good records. Thread-safe (each thread has its own
/// builder).
/// </remarks>
public static class JsonRecords
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 64 };

    // A builder's tables (value cache, path table) take some 127 KB: one per call was that much garbage for every JSON
    // message a listener or the file tailer passes, since the sink calls this once per message. Reused per thread (reset
    // before each body), as the file readers reuse theirs for a whole file.
    [ThreadStatic]
    private static JsonEventBuilder? _builder;

    /// <summary>Parses <paramref name="body"/> into events whose <c>Source</c> is <paramref name="origin"/>.</summary>
    /// <param name="body">The body; the records' raw texts are slices of it, so it must not change while they are used.</param>
    /// <param name="origin">The events' source.</param>
    /// <param name="error">Why the body was refused, or null.</param>
    /// <returns>The records, or null with <paramref name="error"/> naming the record (1-based) and the reason.</returns>
    public static IReadOnlyList<JsonRecord>? Parse(ReadOnlyMemory<byte> body, string origin, out string? error)
    {
        var records = new List<JsonRecord>();
        var start = body.Span.IndexOfAnyExcept(" \t\r\n"u8);
        if (start < 0)
        {
            error = "the body holds no events";
            return null;
        }

        if (body.Span.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
            start = Math.Max(0, body.Span.IndexOfAnyExcept(" \t\r\n"u8));
        }

        error = body.Span[start] == (byte)'[' ? ParseArray(body, origin, records) : ParseLines(body, origin, records);
        return error is null ? records : null;
    }

    private static string? ParseArray(ReadOnlyMemory<byte> body, string origin, List<JsonRecord> records)
    {
        var builder = Builder();
        var reader = new Utf8JsonReader(body.Span, Options);
        try
        {
            reader.Read();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var number = records.Count + 1;
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    return $"record {number}: not a JSON object";
                }

                var begin = (int)reader.TokenStartIndex;
                reader.Skip();
                var error = Add(body[begin..(int)reader.BytesConsumed], builder, origin, number, records);
                if (error is not null)
                {
                    return error;
                }
            }

            if (reader.Read())
            {
                return "unexpected content after the JSON array";
            }
        }
        catch (JsonException e)
        {
            return $"record {records.Count + 1}: {JsonProblemText.Describe(e)}";
        }

        return records.Count == 0 ? "the body holds no events" : null;
    }

    private static string? ParseLines(ReadOnlyMemory<byte> body, string origin, List<JsonRecord> records)
    {
        var builder = Builder();
        var line = 0;
        while (body.Length > 0)
        {
            line++;
            var end = body.Span.IndexOf((byte)'\n');
            var text = end < 0 ? body : body[..end];
            body = end < 0 ? default : body[(end + 1)..];
            if (text.Span.IndexOfAnyExcept(" \t\r"u8) < 0)
            {
                continue;
            }

            var trimmed = text.Span.TrimEnd("\r"u8).Length;
            var error = Add(text[..trimmed], builder, origin, line, records);
            if (error is not null)
            {
                return error.Replace("record", "line", StringComparison.Ordinal);
            }
        }

        return records.Count == 0 ? "the body holds no events" : null;
    }

    private static JsonEventBuilder Builder()
    {
        var builder = _builder ??= new JsonEventBuilder();
        builder.Reset();
        return builder;
    }

    private static string? Add(ReadOnlyMemory<byte> json, JsonEventBuilder builder, string origin, int number, List<JsonRecord> records)
    {
        if (!Utf8.IsValid(json.Span))
        {
            return $"record {number}: invalid UTF-8";
        }

        var reader = new Utf8JsonReader(json.Span, isFinalBlock: true, new JsonReaderState(Options));
        try
        {
            var step = builder.Step(ref reader);
            if (step == BuildStep.Rejected)
            {
                builder.Reset();
                return $"record {number}: {builder.RejectReason}";
            }

            if (step != BuildStep.Completed || reader.Read())
            {
                return $"record {number}: not one complete JSON object";
            }
        }
        catch (JsonException e)
        {
            return $"record {number}: {JsonProblemText.Describe(e)}";
        }

        var logEvent = builder.TakeEvent();
        logEvent.Source = origin;
        logEvent.Record = number;
        records.Add(new JsonRecord(logEvent, json));
        return null;
    }
}
