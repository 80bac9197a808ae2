using Vigil.Detection.Engine;

namespace Vigil.Cli.Output;

/// <summary>Writes detections in one output format; disposing finishes the output.</summary>
internal abstract class DetectionWriter : IDisposable
{
    public abstract void Write(RuleMatch detection);

    public abstract void Dispose();

    public static DetectionWriter Create(string format, string? path)
    {
        var stream = path is null ? Console.OpenStandardOutput() : File.Create(path);
        return format switch
        {
            "jsonl" => new JsonlDetectionWriter(stream),
            "csv" => new CsvDetectionWriter(stream),
            _ => new TableDetectionWriter(stream, terminal: path is null && !Console.IsOutputRedirected),
        };
    }
}
