using System.Diagnostics.CodeAnalysis;
using Vigil.Events;
using Vigil.Ingestion.Files;

namespace Vigil.Ingestion.Sources;

/// <summary>Passes the events of a JSON, CSV or EVTX reader through <see cref="SourceTypes.Shape"/>.</summary>
internal sealed class ShapingReader(IEventReader inner, string? declared, string fallback) : IEventReader
{
    public bool TryRead([NotNullWhen(true)] out LogEvent? logEvent)
    {
        if (!inner.TryRead(out var read))
        {
            logEvent = null;
            return false;
        }

        logEvent = SourceTypes.Shape(read, declared, fallback);
        return true;
    }
}
