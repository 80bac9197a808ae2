using Vigil.Detection.Prefilter;
using Vigil.Events;

namespace Vigil.Detection.Matching;

/// <summary>All operands match.</summary>
internal sealed class AllOf(Matcher[] operands) : Matcher
{
    public Matcher[] Operands { get; } = operands;

    public override bool Matches(LogEvent e)
    {
        foreach (var operand in Operands)
        {
            if (!operand.Matches(e))
            {
                return false;
            }
        }

        return true;
    }

    // Every operand's requirement is necessary for the whole.
    public override Requirement? Required => Requirement.All(Operands.Select(static o => o.Required));
}

/// <summary>At least <c>min</c> operands match (1 for a plain or).</summary>
internal sealed class AnyOf(Matcher[] operands, int min = 1) : Matcher
{
    public Matcher[] Operands { get; } = operands;

    public int Min { get; } = min;

    public override bool Matches(LogEvent e)
    {
        var needed = Min;
        foreach (var operand in Operands)
        {
            if (operand.Matches(e) && --needed == 0)
            {
                return true;
            }
        }

        return false;
    }

    public override Requirement? Required => Min == 1 ? Requirement.Any(Operands.Select(static o => o.Required)) : null;
}

/// <summary>The operand does not match.</summary>
internal sealed class NoneOf(Matcher operand) : Matcher
{
    public override bool Matches(LogEvent e) => !operand.Matches(e);
}

/// <summary>Always the same answer (an empty selection).</summary>
internal sealed class Constant(bool value) : Matcher
{
    public override bool Matches(LogEvent e) => value;
}
