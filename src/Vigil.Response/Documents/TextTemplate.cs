using System.Text;
using System.Text.RegularExpressions;

namespace Vigil.Response.Documents;

/// <summary>
/// An editable text template. Syntax: <c>{{field}}</c> is replaced by its value; a list field alone on a line
/// becomes one <c>- item</c> line per item; <c>{{#if flag}}</c> and <c>{{#unless flag}}</c> on their own lines keep
/// the lines up to the matching <c>{{/if}}</c> / <c>{{/unless}}</c> when the flag is true (false); blocks nest. An
/// unknown field or flag, or an unbalanced block, is a problem reported with its line; the template is refused.
/// </summary>
public sealed partial class TextTemplate
{
    private readonly string[] _lines;

    private TextTemplate(string[] lines) => _lines = lines;

    /// <summary>A template from text (line endings normalised).</summary>
    public static TextTemplate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new TextTemplate(text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'));
    }

    /// <summary>Fills the template; problems (line: reason) when it uses names the values lack or blocks do not balance.</summary>
    public TemplateResult Render(TemplateValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var output = new StringBuilder();
        var problems = new List<string>();
        var keep = new Stack<bool>();
        for (var i = 0; i < _lines.Length; i++)
        {
            var line = _lines[i];
            var trimmed = line.Trim();
            if (Block().Match(trimmed) is { Success: true } block)
            {
                var flag = values.FlagOf(block.Groups[2].Value);
                if (flag is null)
                {
                    problems.Add($"line {i + 1}: unknown condition '{block.Groups[2].Value}'");
                }

                var on = (flag ?? false) ^ (block.Groups[1].Value == "unless");
                keep.Push(on && (keep.Count == 0 || keep.Peek()));
                continue;
            }

            if (trimmed is "{{/if}}" or "{{/unless}}")
            {
                if (keep.Count == 0)
                {
                    problems.Add($"line {i + 1}: {trimmed} without an opening block");
                }
                else
                {
                    keep.Pop();
                }

                continue;
            }

            if (keep.Count > 0 && !keep.Peek())
            {
                continue;
            }

            if (Field().Match(trimmed) is { Success: true } whole && trimmed.Length == whole.Length && values.ListOf(whole.Groups[1].Value) is { } list)
            {
                foreach (var item in list)
                {
                    output.Append("- ").Append(item).Append('\n');
                }

                continue;
            }

            output.Append(Field().Replace(line, m =>
            {
                if (values.TryText(m.Groups[1].Value, out var value))
                {
                    return value;
                }

                problems.Add($"line {i + 1}: unknown field '{m.Groups[1].Value}'");
                return m.Value;
            })).Append('\n');
        }

        if (keep.Count > 0)
        {
            problems.Add($"end of template: {keep.Count} block(s) not closed");
        }

        return new TemplateResult(output.ToString().TrimEnd('\n') + "\n", problems);
    }

    [GeneratedRegex(@"^\{\{#(if|unless) ([a-z_]+)\}\}$")]
    private static partial Regex Block();

    [GeneratedRegex(@"\{\{([a-z_]+)\}\}")]
    private static partial Regex Field();
}
