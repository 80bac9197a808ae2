namespace Vigil.Discovery.Scanning;

/// <summary>How <see cref="PhiScanner"/> runs.</summary>
public sealed record PhiScannerOptions
{
    /// <summary>Items scanned at once; 1 scans on the calling thread. Default: the processor count.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Keep each finding's value in memory (<see cref="Finding.Value"/>): needed to reveal values or link subjects,
    /// otherwise only the masked form is kept. Default false.
    /// </summary>
    public bool KeepValues { get; init; }

    /// <summary>Findings below this confidence are dropped. Default 0: every match the recogniser returns.</summary>
    public double MinConfidence { get; init; }
}
