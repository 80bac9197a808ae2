using Vigil.Detection.Rules;

namespace Vigil.Cli.Hunt;

/// <summary>What <c>vigil hunt</c> was asked to do.</summary>
internal sealed record HuntSettings(
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Rules,
    string? Format,
    string? Output,
    Level MinLevel,
    string? Logsources,
    IReadOnlyList<string> Pipelines,
    string? Placeholders,
    bool Progress,
    bool Analytics = true,
    string? GeoIp = null);
