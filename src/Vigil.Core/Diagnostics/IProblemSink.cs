namespace Vigil.Diagnostics;

/// <summary>Receives problems found while reading input; the work carries on after each.</summary>
/// <remarks>Implementations must be thread-safe: readers may report from several threads.</remarks>
public interface IProblemSink
{
    /// <summary>Records one problem.</summary>
    void Report(InputProblem problem);
}
