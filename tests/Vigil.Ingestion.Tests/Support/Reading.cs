using Vigil.Diagnostics;
using Vigil.Events;

namespace Vigil.Ingestion.Tests.Support;

/// <summary>Reads a whole file through <see cref="LogFiles.Read"/>, keeping events and problems.</summary>
public sealed record Reading(IReadOnlyList<LogEvent> Events, IReadOnlyList<InputProblem> Problems)
{
    public static Reading Of(string path)
    {
        var problems = new ProblemLog();
        var events = LogFiles.Read(path, problems).ToList();
        return new Reading(events, problems.Problems.ToList());
    }

    /// <summary>The problems as <c>kind@location</c>, for compact assertions.</summary>
    public IEnumerable<string> ProblemKeys => Problems.Select(p => $"{p.Kind}@{p.Location}");

    /// <summary>Every value of <paramref name="name"/> in <paramref name="logEvent"/>, in order.</summary>
    public static IEnumerable<string?> Values(LogEvent logEvent, string name) =>
        logEvent.Fields().Where(f => f.Key == name).Select(f => f.Value);
}
