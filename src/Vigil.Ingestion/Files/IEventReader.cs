using System.Diagnostics.CodeAnalysis;
using Vigil.Events;

namespace Vigil.Ingestion.Files;

/// <summary>Pulls the events of one input, one at a time; problems go to the reader's sink.</summary>
internal interface IEventReader
{
    /// <summary>The next event, or false at the end of the input (or when it cannot go on).</summary>
    bool TryRead([NotNullWhen(true)] out LogEvent? logEvent);
}
