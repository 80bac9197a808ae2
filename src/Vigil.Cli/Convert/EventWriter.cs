using Vigil.Events;

namespace Vigil.Cli.Convert;

/// <summary>Writes events in one output format to a stream it owns; disposing finishes the output.</summary>
internal abstract class EventWriter : IDisposable
{
    public abstract void Write(LogEvent logEvent);

    public abstract void Dispose();

    public static EventWriter Create(string format, Stream stream) => format switch
    {
        "xml" => new XmlEventWriter(stream),
        _ => new JsonlEventWriter(stream),
    };
}
