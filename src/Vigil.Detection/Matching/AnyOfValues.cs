using System.Buffers;
using Vigil.Events;

namespace Vigil.Detection.Matching;

/// <summary>
/// A long list of values OR-ed on one field, tested in one pass: substrings with .NET's vectorised multi-string
/// search (<see cref="SearchValues{T}"/>), whole values with a hash set. Rules such as "Malicious PowerShell
/// Commandlets" list hundreds of values; testing them one by one costs tens of microseconds per event.
/// </summary>
internal static class AnyOfValues
{
    /// <summary>Lists shorter than this are tested one by one: the set costs more to enter than it saves.</summary>
    private const int Threshold = 4;

    /// <summary>Replaces runs of plain substring or equality tests of one comparison by one set test each.</summary>
    public static List<ValuePredicate> Group(List<ValuePredicate> predicates)
    {
        var contains = predicates.OfType<ContainsValue>().GroupBy(static p => p.Comparison).Where(static g => g.Count() >= Threshold).ToList();
        var equals = predicates.OfType<EqualsValue>().GroupBy(static p => p.Comparison).Where(static g => g.Count() >= Threshold).ToList();
        if (contains.Count == 0 && equals.Count == 0)
        {
            return predicates;
        }

        var grouped = new HashSet<ValuePredicate>(contains.SelectMany(static g => g).Concat<ValuePredicate>(equals.SelectMany(static g => g)));
        var result = predicates.Where(p => !grouped.Contains(p)).ToList();
        result.AddRange(contains.Select(static g => new ContainsAny(g.Select(static p => p.Literal).Distinct().ToArray(), g.Key)));
        result.AddRange(equals.Select(static g => new EqualsAny(g.Select(static p => p.Literal).ToArray(), g.Key)));
        return result;
    }

    /// <summary>The value contains any of the literals.</summary>
    internal sealed class ContainsAny(string[] literals, StringComparison comparison) : ValuePredicate, IMultiAtom
    {
        private readonly SearchValues<string> _values = SearchValues.Create(literals, comparison);

        public IEnumerable<string> Literals => literals;

        public override bool Test(string value, LogEvent e) => value.AsSpan().IndexOfAny(_values) >= 0;
    }

    /// <summary>The whole value equals any of the literals.</summary>
    internal sealed class EqualsAny(string[] literals, StringComparison comparison) : ValuePredicate, IMultiAtom
    {
        private readonly HashSet<string> _values = new(literals, comparison == StringComparison.Ordinal ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);

        public IEnumerable<string> Literals => literals;

        public override bool Test(string value, LogEvent e) => _values.Contains(value);
    }
}
