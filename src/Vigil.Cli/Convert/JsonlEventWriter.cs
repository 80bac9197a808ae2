using Vigil.Cli.Output;
using Vigil.Events;

namespace Vigil.Cli.Convert;

/// <summary>One JSON object per event per line: <c>timestamp</c>, <c>source</c>, <c>record</c> and the fields as <c>event</c>.</summary>
/// <remarks>The shape of a hunt detection's event part, so that tools reading one read the other.</remarks>
internal sealed class JsonlEventWriter(Stream stream) : EventWriter
{
    private readonly JsonLines _lines = new(stream);

    public override void Write(LogEvent logEvent)
    {
        var json = _lines.BeginLine();
        json.WriteStartObject();
        DetectionJson.WriteTimestamp(json, logEvent.Timestamp);
        json.WriteString("source", logEvent.Source);
        json.WriteNumber("record", logEvent.Record);
        json.WritePropertyName("event");
        DetectionJson.WriteEvent(json, logEvent);
        json.WriteEndObject();
        _lines.EndLine();
    }

    public override void Dispose() => _lines.Dispose();
}
