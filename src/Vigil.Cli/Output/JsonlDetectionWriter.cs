using Vigil.Detection.Engine;

namespace Vigil.Cli.Output;

/// <summary>One JSON object per detection per line.</summary>
internal sealed class JsonlDetectionWriter(Stream stream) : DetectionWriter
{
    private readonly JsonLines _lines = new(stream);

    public override void Write(RuleMatch detection)
    {
        DetectionJson.WriteDetection(_lines.BeginLine(), detection);
        _lines.EndLine();
    }

    public override void Dispose() => _lines.Dispose();
}
