using Vigil.Detection.Conditions;
using Vigil.Detection.Matching;
using Vigil.Detection.Rules;

namespace Vigil.Detection.Compilation;

/// <summary>Compiles a rule's selections and condition into one matcher tree.</summary>
internal static class DetectionCompiler
{
    public static Matcher? Compile(
        IReadOnlyDictionary<string, SelectionDef> selections, ConditionNode condition, CompileContext context, out string? error)
    {
        var compiled = new Dictionary<string, Matcher>(StringComparer.Ordinal);
        foreach (var (name, selection) in selections)
        {
            var matcher = CompileSelection(selection, context, out error);
            if (matcher is null)
            {
                error = $"selection '{name}': {error}";
                return null;
            }

            compiled[name] = matcher;
        }

        return CompileCondition(condition, compiled, out error);
    }

    private static Matcher? CompileSelection(SelectionDef selection, CompileContext context, out string? error)
    {
        var alternatives = new List<Matcher>(selection.Alternatives.Count);
        foreach (var alternative in selection.Alternatives)
        {
            var parts = new List<Matcher>(alternative.Count);
            foreach (var spec in alternative)
            {
                var matcher = FieldSpecCompiler.Compile(spec, context, out error);
                if (matcher is null)
                {
                    return null;
                }

                parts.Add(matcher);
            }

            alternatives.Add(parts.Count == 1 ? parts[0] : new AllOf([.. parts]));
        }

        error = null;
        return alternatives.Count == 1 ? alternatives[0] : new AnyOf([.. alternatives]);
    }

    private static Matcher? CompileCondition(ConditionNode node, Dictionary<string, Matcher> selections, out string? error)
    {
        error = null;
        switch (node)
        {
            case IdentifierNode id:
                if (selections.TryGetValue(id.Name, out var selection))
                {
                    return selection;
                }

                error = $"the condition names '{id.Name}', which is not a selection";
                return null;
            case NotNode not:
                var operand = CompileCondition(not.Operand, selections, out error);
                return operand is null ? null : new NoneOf(operand);
            case AndNode and:
                return Binary(and.Left, and.Right, selections, isAnd: true, out error);
            case OrNode or:
                return Binary(or.Left, or.Right, selections, isAnd: false, out error);
            case QuantifierNode q:
                var chosen = selections
                    .Where(s => q.Pattern is null ? !s.Key.StartsWith('_') : Glob(q.Pattern, s.Key))
                    .OrderBy(static s => s.Key, StringComparer.Ordinal)
                    .Select(static s => s.Value)
                    .ToArray();
                if (chosen.Length == 0)
                {
                    error = $"'{q.Pattern ?? "them"}' matches no selection";
                    return null;
                }

                if (q.Count is null)
                {
                    return chosen.Length == 1 ? chosen[0] : new AllOf(chosen);
                }

                return chosen.Length == 1 && q.Count == 1 ? chosen[0] : new AnyOf(chosen, q.Count.Value);
            default:
                error = "unsupported condition";
                return null;
        }
    }

    private static Matcher? Binary(
        ConditionNode left, ConditionNode right, Dictionary<string, Matcher> selections, bool isAnd, out string? error)
    {
        var l = CompileCondition(left, selections, out error);
        var r = l is null ? null : CompileCondition(right, selections, out error);
        if (l is null || r is null)
        {
            return null;
        }

        // Flatten chains of one operator so evaluation and atom selection see them whole.
        var operands = new List<Matcher>();
        foreach (var m in new[] { l, r })
        {
            if (isAnd && m is AllOf all)
            {
                operands.AddRange(all.Operands);
            }
            else if (!isAnd && m is AnyOf { Min: 1 } any)
            {
                operands.AddRange(any.Operands);
            }
            else
            {
                operands.Add(m);
            }
        }

        return isAnd ? new AllOf([.. operands]) : new AnyOf([.. operands]);
    }

    internal static bool Glob(string pattern, string name)
    {
        var regex = "^" + System.Text.RegularExpressions.Regex.Escape(pattern).Replace("\\*", ".*").Replace("\\?", ".") + "$";
        return System.Text.RegularExpressions.Regex.IsMatch(name, regex);
    }
}
