using System.Text.Json;

namespace Vigil.Vulnerabilities.Feeds.Formats;

/// <summary>Looks at the start of a JSON file to tell which document it is, without reading it all.</summary>
internal static class JsonSniffer
{
    private const int Window = 64 * 1024;

    /// <summary>The kind of the root value and the property names at the top level seen in the first 64 KiB.</summary>
    public static (JsonTokenType Root, HashSet<string> Names) TopLevel(Stream stream)
    {
        var buffer = new byte[Window];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += read;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var root = JsonTokenType.None;
        var reader = new Utf8JsonReader(
            buffer.AsSpan(0, length),
            isFinalBlock: length < buffer.Length,
            new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }));
        try
        {
            while (reader.Read())
            {
                if (root == JsonTokenType.None)
                {
                    root = reader.TokenType;
                }
                else if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                {
                    names.Add(reader.GetString()!);
                }
            }
        }
        catch (JsonException)
        {
            // A malformed document is reported by the reader that parses it; the names seen so far still identify it.
        }

        return (root, names);
    }
}
