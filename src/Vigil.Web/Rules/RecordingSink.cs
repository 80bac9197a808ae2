using Vigil.Diagnostics;

namespace Vigil.Web.Rules;

/// <summary>Keeps every problem reported (thread-safe) and passes each on.</summary>
internal sealed class RecordingSink(IProblemSink? forward = null) : IProblemSink
{
    private readonly List<InputProblem> _problems = [];

    public IReadOnlyList<InputProblem> Problems
    {
        get
        {
            lock (_problems)
            {
                return [.. _problems];
            }
        }
    }

    public void Report(InputProblem problem)
    {
        lock (_problems)
        {
            _problems.Add(problem);
        }

        forward?.Report(problem);
    }
}
