using Vigil.Diagnostics;
using Vigil.Ingestion;

namespace Vigil.Cli.Convert;

/// <summary>One conversion: stream every event of every input to the writer, one at a time.</summary>
internal sealed class ConvertRun(IReadOnlyList<string> inputs, string format, string? output)
{
    public int Execute()
    {
        // One plain line per problem, as hunt writes them, so that it can be searched and piped.
        var problems = new ProblemLog(static p => Console.Error.WriteLine($"input: {p}"));
        Stream stream;
        try
        {
            stream = output is null ? Console.OpenStandardOutput() : File.Create(output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return CommandLine.Fail("convert", $"{output}: cannot write ({e.Message})");
        }

        long events = 0;
        var files = 0;
        using (var writer = EventWriter.Create(format, stream))
        {
            foreach (var file in LogFiles.Expand(inputs, problems))
            {
                foreach (var e in LogFiles.Read(file, problems))
                {
                    writer.Write(e);
                    events++;
                }

                files++;
            }
        }

        Console.Error.WriteLine($"vigil convert: {events:N0} events from {files:N0} file(s), {problems.Total:N0} problems");
        return 0;
    }
}
