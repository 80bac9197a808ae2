using System.Buffers;
using Vigil.Detection.Prefilter;
using Vigil.Events;

namespace Vigil.Detection.Matching;

/// <summary>
/// A long list of values OR-ed on one field, tested in one pass: substrings with .NET's vectorised multi-string
/// search (<see cref="SearchValues{T}"/>), whole values, prefixes and suffixes with hash sets. Rules such as "Malicious PowerShell
/// Commandlets" list hundreds of values; testing them one by one costs tens of microseconds per event.
/// </summary>
internal static class AnyOfValues
{
    /// <summary>Lists shorter than this are tested one by one: the set costs more to enter than it saves.</summary>
    private const int Threshold = 4;

    /// <summary>Replaces runs of plain substring, prefix, suffix or equality tests of one comparison by one set test each.</summary>
    public static List<ValuePredicate> Group(List<ValuePredicate> predicates)
    {
        var result = new List<ValuePredicate>(predicates.Count);
        var grouped = new HashSet<ValuePredicate>();
        void Take<T>(Func<T, string> literal, Func<T, StringComparison> comparison, Func<string[], StringComparison, ValuePredicate> create)
            where T : ValuePredicate
        {
            foreach (var g in predicates.OfType<T>().GroupBy(comparison).Where(static g => g.Count() >= Threshold))
            {
                grouped.UnionWith(g);
                result.Add(create([.. g.Select(literal).Distinct()], g.Key));
            }
        }

        Take<ContainsValue>(static p => p.Literal, static p => p.Comparison, static (l, c) => new ContainsAny(l, c));
        Take<EqualsValue>(static p => p.Literal, static p => p.Comparison, static (l, c) => new EqualsAny(l, c));
        Take<StartsWithValue>(static p => p.Literal, static p => p.Comparison, static (l, c) => new AffixAny(l, c, AtomKind.Prefix));
        Take<EndsWithValue>(static p => p.Literal, static p => p.Comparison, static (l, c) => new AffixAny(l, c, AtomKind.Suffix));
        if (grouped.Count == 0)
        {
            return predicates;
        }

        result.InsertRange(0, predicates.Where(p => !grouped.Contains(p)));
        return result;
    }

    /// <summary>
    /// The value starts (or ends) with any of the literals: for each distinct literal length, one hash lookup of the
    /// value's first (or last) characters of that length.
    /// </summary>
    internal sealed class AffixAny : ValuePredicate, IMultiAtom
    {
        private readonly string[] _literals;
        private readonly int[] _lengths;
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _values;

        public AffixAny(string[] literals, StringComparison comparison, AtomKind kind)
        {
            _literals = literals;
            Kind = kind;
            _lengths = [.. literals.Select(static l => l.Length).Distinct().Order()];
            var set = new HashSet<string>(literals, comparison == StringComparison.Ordinal ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
            _values = set.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public IEnumerable<string> Literals => _literals;

        public AtomKind Kind { get; }

        public override bool Test(string value, LogEvent e)
        {
            foreach (var length in _lengths)
            {
                if (length > value.Length)
                {
                    return false;
                }

                var part = Kind == AtomKind.Prefix ? value.AsSpan(0, length) : value.AsSpan(value.Length - length);
                if (_values.Contains(part))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The value contains any of the literals.</summary>
    internal sealed class ContainsAny(string[] literals, StringComparison comparison) : ValuePredicate, IMultiAtom
    {
        private readonly SearchValues<string> _values = SearchValues.Create(literals, comparison);

        public IEnumerable<string> Literals => literals;

        public Prefilter.AtomKind Kind => AtomKind.Substring;

        public override bool Test(string value, LogEvent e) => value.AsSpan().IndexOfAny(_values) >= 0;
    }

    /// <summary>The whole value equals any of the literals.</summary>
    internal sealed class EqualsAny(string[] literals, StringComparison comparison) : ValuePredicate, IMultiAtom
    {
        private readonly HashSet<string> _values = new(literals, comparison == StringComparison.Ordinal ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);

        public IEnumerable<string> Literals => literals;

        public Prefilter.AtomKind Kind => AtomKind.Whole;

        public override bool Test(string value, LogEvent e) => _values.Contains(value);
    }
}
