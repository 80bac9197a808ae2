using System.Text.Json;

namespace Vigil.Vulnerabilities.Feeds.Formats;

/// <summary>
/// Streams the elements of one top-level array property (<c>{"vulnerabilities":[...]}</c>) of a JSON file, so that a
/// feed of any size is read with memory bounded by its largest element, not by the file.
/// </summary>
internal static class JsonArrayStreamer
{
    private const int InitialBuffer = 64 * 1024;

    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>
    /// Calls <paramref name="element"/> with each element of the top-level property <paramref name="arrayName"/>.
    /// Returns null when the file was read to the end of that array, or why it stopped (malformed or truncated JSON,
    /// no such array); elements before the fault have been delivered.
    /// </summary>
    public static string? ForEach(Stream stream, string arrayName, Action<JsonElement, int> element, CancellationToken cancellationToken)
    {
        var buffer = new byte[InitialBuffer];
        var length = 0;
        var final = false;
        var cursor = new Cursor(new JsonReaderState(ReaderOptions));
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!final)
            {
                if (length == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var read = stream.Read(buffer, length, buffer.Length - length);
                length += read;
                final = read == 0;
            }

            string? error;
            int consumed;
            try
            {
                // Never a final block: then the end of a truncated file reads as "more data needed", not as a parse error.
                consumed = Step(buffer.AsSpan(0, length), cursor, arrayName, element, out error);
            }
            catch (JsonException ex)
            {
                return $"malformed JSON at line {(ex.LineNumber ?? 0) + 1}";
            }

            if (error is not null || cursor.Phase == Phase.Done)
            {
                return error;
            }

            Buffer.BlockCopy(buffer, consumed, buffer, 0, length - consumed);
            length -= consumed;
            if (final)
            {
                return cursor.Phase == Phase.Seeking ? $"no \"{arrayName}\" array at the top level" : "the file ends inside the array (truncated)";
            }
        }
    }

    private static int Step(ReadOnlySpan<byte> data, Cursor cursor, string arrayName, Action<JsonElement, int> element, out string? error)
    {
        error = null;
        var reader = new Utf8JsonReader(data, isFinalBlock: false, cursor.State);
        while (true)
        {
            var before = reader;
            if (!reader.Read())
            {
                cursor.State = reader.CurrentState;
                return (int)reader.BytesConsumed;
            }

            switch (cursor.Phase)
            {
                case Phase.Seeking:
                    if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals(arrayName))
                    {
                        cursor.Phase = Phase.Named;
                    }

                    break;
                case Phase.Named:
                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        error = $"\"{arrayName}\" is not an array";
                        return 0;
                    }

                    cursor.Phase = Phase.InArray;
                    break;
                default:
                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        cursor.Phase = Phase.Done;
                        return (int)reader.BytesConsumed;
                    }

                    var start = (int)reader.TokenStartIndex;
                    var probe = reader;
                    if (!probe.TrySkip())
                    {
                        cursor.State = before.CurrentState;
                        return (int)before.BytesConsumed;
                    }

                    using (var document = JsonDocument.Parse(data[start..(int)probe.BytesConsumed].ToArray()))
                    {
                        element(document.RootElement, cursor.Index++);
                    }

                    reader = probe;
                    break;
            }
        }
    }

    private enum Phase
    {
        Seeking,
        Named,
        InArray,
        Done,
    }

    private sealed class Cursor(JsonReaderState state)
    {
        public JsonReaderState State { get; set; } = state;

        public Phase Phase { get; set; }

        public int Index { get; set; }
    }
}
