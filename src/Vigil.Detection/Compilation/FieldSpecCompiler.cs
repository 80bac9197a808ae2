using System.Globalization;
using Vigil.Detection.Matching;
using Vigil.Detection.Rules;
using Vigil.Events;

namespace Vigil.Detection.Compilation;

/// <summary>Compiles one <c>field|modifiers: values</c> entry into a matcher. Adding a modifier touches this file.</summary>
internal static class FieldSpecCompiler
{
    private static readonly HashSet<string> Known =
    [
        "contains", "startswith", "endswith", "all", "exists", "cased", "neq", "windash", "re", "i", "m", "s",
        "base64", "base64offset", "utf16le", "utf16be", "utf16", "wide", "lt", "lte", "gt", "gte",
        "minute", "hour", "day", "week", "month", "year", "cidr", "expand", "fieldref",
    ];

    private static readonly string[] Comparisons = ["lt", "lte", "gt", "gte"];
    private static readonly string[] TextOnly = ["contains", "startswith", "endswith", "windash", "base64", "base64offset", "utf16le", "utf16be", "utf16", "wide"];
    private static readonly string[] TimeParts = ["minute", "hour", "day", "week", "month", "year"];

    public static Matcher? Compile(FieldSpec spec, CompileContext context, out string? error)
    {
        var mods = spec.Modifiers;
        foreach (var m in mods)
        {
            if (!Known.Contains(m))
            {
                error = $"unknown modifier '{m}' in '{spec.Key}'";
                return null;
            }
        }

        var has = new HashSet<string>(mods);
        var matchKinds = new[] { "re", "cidr", "fieldref", "exists" }.Where(has.Contains).ToList();
        var exclusive = has.Contains("re") || has.Contains("cidr") || has.Contains("exists");
        if (matchKinds.Count > 1
            || (matchKinds.Count == 1 && (has.Overlaps(Comparisons) || has.Overlaps(TimeParts)))
            || (exclusive && has.Overlaps(TextOnly)))
        {
            error = $"modifiers {string.Join(", ", mods)} cannot be combined in '{spec.Key}'";
            return null;
        }

        if ((has.Contains("i") || has.Contains("m") || has.Contains("s")) && !has.Contains("re"))
        {
            error = $"the flags i, m and s go with 're' in '{spec.Key}'";
            return null;
        }

        var fieldId = spec.Field is null ? -1 : FieldNames.Intern(context.MapField(spec.Field));
        if (has.Contains("exists"))
        {
            if (fieldId < 0 || spec.Values.Count != 1 || !bool.TryParse(spec.Values[0], out var expected))
            {
                error = $"'{spec.Key}' needs a field and one value, true or false";
                return null;
            }

            error = null;
            return new ExistsMatcher(fieldId, expected);
        }

        var values = new List<string?>(spec.Values);
        if (has.Contains("expand") && !Expand(values, context, spec.Key, out error))
        {
            return null;
        }

        var matchers = new List<Matcher>();
        var predicates = new List<ValuePredicate>();
        foreach (var value in values)
        {
            if (value is null)
            {
                if (fieldId < 0)
                {
                    error = $"a keyword cannot be null in '{spec.Key}'";
                    return null;
                }

                matchers.Add(new NullMatcher(fieldId));
                continue;
            }

            if (!AddPredicates(value, fieldId, has, mods, context, predicates, spec.Key, out error))
            {
                return null;
            }
        }

        // neq means "differs from every value"; all means every value must match.
        var all = has.Contains("all") || has.Contains("neq");
        if (predicates.Count > 0)
        {
            var grouped = all ? predicates : AnyOfValues.Group(predicates);
            matchers.Add(fieldId < 0
                ? new KeywordMatcher([.. grouped], all)
                : new FieldMatcher(fieldId, [.. grouped], all));
        }

        error = null;
        return matchers.Count switch
        {
            0 => new Constant(false),
            1 => matchers[0],
            _ => all ? new AllOf([.. matchers]) : new AnyOf([.. matchers]),
        };
    }

    private static bool AddPredicates(
        string value, int fieldId, HashSet<string> has, IReadOnlyList<string> mods, CompileContext context,
        List<ValuePredicate> predicates, string key, out string? error)
    {
        error = null;
        var cased = has.Contains("cased");
        if (has.Contains("re"))
        {
            var regex = RegexPredicate.Create(value, has.Contains("i"), has.Contains("m"), has.Contains("s"), out error);
            if (regex is null)
            {
                error = $"{error} in '{key}'";
                return false;
            }

            predicates.Add(regex);
            return true;
        }

        if (has.Contains("cidr"))
        {
            var cidr = CidrPredicate.Create(value, out error);
            if (cidr is null)
            {
                error = $"{error} in '{key}'";
                return false;
            }

            predicates.Add(cidr);
            return true;
        }

        if (has.Contains("fieldref"))
        {
            var mode = has.Contains("contains") ? "contains" : has.Contains("startswith") ? "startswith" : has.Contains("endswith") ? "endswith" : "equals";
            predicates.Add(new FieldRefPredicate(FieldNames.Intern(context.MapField(value)), mode, cased));
            return true;
        }

        var comparison = Comparisons.FirstOrDefault(has.Contains);
        var part = TimeParts.FirstOrDefault(has.Contains);
        if (comparison is not null || part is not null)
        {
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                error = $"'{value}' is not a number in '{key}'";
                return false;
            }

            predicates.Add(part is not null
                ? new TimePartPredicate(part, comparison ?? (has.Contains("neq") ? "neq" : "eq"), number)
                : new NumericPredicate(comparison!, number));
            return true;
        }

        var pieces = new List<ValueTransforms.Piece> { new(SigmaString.Parse(value), null) };
        foreach (var m in mods)
        {
            if (ValueTransforms.IsTransform(m))
            {
                pieces = ValueTransforms.Apply(m, pieces, out error);
                if (error is not null)
                {
                    error = $"{error} in '{key}'";
                    return false;
                }
            }
        }

        foreach (var piece in pieces)
        {
            var pattern = ValueTransforms.ToText(piece);
            if (has.Contains("neq"))
            {
                predicates.Add(new NotEqualPredicate(pattern.HasWildcards ? pattern.ToRaw() : pattern.Text, cased));
                continue;
            }

            // Keywords are searched anywhere in a value, as full-text search does.
            var keyword = fieldId < 0;
            if (keyword || has.Contains("contains") || has.Contains("endswith"))
            {
                pattern = pattern.WithLeadingStar();
            }

            if (keyword || has.Contains("contains") || has.Contains("startswith"))
            {
                pattern = pattern.WithTrailingStar();
            }

            predicates.Add(StringPredicate.Create(pattern, cased));
        }

        return true;
    }

    private static bool Expand(List<string?> values, CompileContext context, string key, out string? error)
    {
        error = null;
        var expanded = new List<string?>();
        foreach (var value in values)
        {
            if (value is null)
            {
                expanded.Add(value);
                continue;
            }

            var results = new List<string> { "" };
            var rest = value.AsSpan();
            while (rest.Length > 0)
            {
                var open = rest.IndexOf('%');
                var close = open < 0 ? -1 : rest[(open + 1)..].IndexOf('%');
                if (open < 0 || close < 0)
                {
                    var tail = rest.ToString();
                    results = results.Select(r => r + tail).ToList();
                    break;
                }

                var head = rest[..open].ToString();
                var name = rest.Slice(open + 1, close).ToString();
                if (!context.Placeholders.TryGetValue(name, out var replacements) || replacements.Count == 0)
                {
                    error = $"placeholder %{name}% in '{key}' has no values (give them with --placeholders FILE)";
                    return false;
                }

                results = [.. from r in results from p in replacements select r + head + p];
                rest = rest[(open + close + 2)..];
            }

            expanded.AddRange(results);
        }

        values.Clear();
        values.AddRange(expanded);
        return true;
    }
}
