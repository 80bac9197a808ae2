using System.Diagnostics.CodeAnalysis;
using Vigil.Events;
using Vigil.Ingestion.Files;

namespace Vigil.Ingestion.Sources;

/// <summary>Passes the events of a JSON, CSV or EVTX reader through <see cref="SourceTypes.Shape"/>.</summary>
/// <remarks>
/// A saved Graph API page (<c>{"@odata.context": …, "value": [ … ]}</c>) is split into one event per element of
/// <c>value</c>: an element starts each time the first <c>value.*</c> name seen comes again (Graph objects start with
/// <c>id</c>). The elements share the page's <see cref="LogEvent.Record"/>.
/// </remarks>
internal sealed class ShapingReader(IEventReader inner, string? declared, string fallback) : IEventReader
{
    private const string ValuePrefix = "value.";

    private static readonly int ODataContextId = FieldNames.Intern("@odata.context");

    private readonly Queue<LogEvent> _pending = new();

    public bool TryRead([NotNullWhen(true)] out LogEvent? logEvent)
    {
        while (!_pending.TryDequeue(out logEvent))
        {
            if (!inner.TryRead(out var read))
            {
                logEvent = null;
                return false;
            }

            if (read.Has(ODataContextId))
            {
                SplitPage(read);
                continue;
            }

            logEvent = read;
            break;
        }

        logEvent = SourceTypes.Shape(logEvent, declared, fallback);
        return true;
    }

    private void SplitPage(LogEvent page)
    {
        LogEvent? current = null;
        string? first = null;
        foreach (var (name, value) in page.Fields())
        {
            if (!name.StartsWith(ValuePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            first ??= name;
            if (current is null || name == first)
            {
                current = new LogEvent { Source = page.Source, Record = page.Record };
                _pending.Enqueue(current);
            }

            current.Add(name[ValuePrefix.Length..], value);
        }

        foreach (var element in _pending)
        {
            element.Timestamp = Timestamps.EventTime.Find(element);
        }

        if (current is null)
        {
            _pending.Enqueue(page);
        }
    }
}
