using Vigil.Events;

namespace Vigil.Detection.Matching;

/// <summary><c>field|exists: true|false</c>: only the field's presence counts, whatever its value.</summary>
internal sealed class ExistsMatcher(int fieldId, bool expected) : Matcher
{
    public override bool Matches(LogEvent e) => e.Has(fieldId) == expected;
}
