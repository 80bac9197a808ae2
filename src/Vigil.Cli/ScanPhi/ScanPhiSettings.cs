using Vigil.Discovery.Recognition;

namespace Vigil.Cli.ScanPhi;

/// <summary>What <c>vigil scan-phi</c> was asked to do.</summary>
internal sealed record ScanPhiSettings(
    IReadOnlyList<string> Inputs,
    string? Format,
    string? Output,
    bool Reveal,
    bool Subjects,
    string? Vocabulary,
    bool Progress,
    bool UsPhones = false,
    IReadOnlyList<string>? WordLists = null,
    bool UsClinicalNotes = false)
{
    /// <summary>The recogniser options: the profile's, plus US phones when asked for.</summary>
    public RecogniserOptions RecogniserOptions => UsClinicalNotes
        ? RecogniserOptions.UsClinicalNotes
        : UsPhones ? RecogniserOptions.Default with { UsPhones = true } : RecogniserOptions.Default;

    /// <summary>The format asked for, else the output file's extension, else table on a terminal and jsonl otherwise.</summary>
    public string ResolvedFormat => Format ?? Path.GetExtension(Output)?.ToLowerInvariant() switch
    {
        ".html" or ".htm" => "html",
        ".csv" => "csv",
        ".jsonl" or ".json" or ".ndjson" => "jsonl",
        ".txt" => "table",
        _ => Output is null && !Console.IsOutputRedirected ? "table" : "jsonl",
    };
}
