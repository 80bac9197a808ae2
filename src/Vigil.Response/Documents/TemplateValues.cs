namespace Vigil.Response.Documents;

/// <summary>The values a template is filled with: text fields, list fields and conditions.</summary>
public sealed class TemplateValues
{
    private readonly Dictionary<string, string> _text = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _lists = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _flags = new(StringComparer.Ordinal);

    /// <summary>Sets a text field (<c>{{name}}</c>).</summary>
    public TemplateValues Text(string name, string? value)
    {
        _text[name] = value ?? "";
        return this;
    }

    /// <summary>Sets a list field: alone on a line, <c>{{name}}</c> becomes one bullet per item; inside text, a comma list.</summary>
    public TemplateValues List(string name, IReadOnlyList<string> items)
    {
        _lists[name] = items;
        return this;
    }

    /// <summary>Sets a condition (<c>{{#if name}}</c> ... <c>{{/if}}</c>).</summary>
    public TemplateValues Flag(string name, bool value)
    {
        _flags[name] = value;
        return this;
    }

    internal bool TryText(string name, out string value)
    {
        if (_text.TryGetValue(name, out value!))
        {
            return true;
        }

        if (_lists.TryGetValue(name, out var list))
        {
            value = string.Join(", ", list);
            return true;
        }

        return false;
    }

    internal IReadOnlyList<string>? ListOf(string name) => _lists.GetValueOrDefault(name);

    internal bool? FlagOf(string name) => _flags.TryGetValue(name, out var v) ? v : null;

    /// <summary>Every field and condition name, for documentation and error messages.</summary>
    public IEnumerable<string> Names => _text.Keys.Concat(_lists.Keys).Concat(_flags.Keys).Order(StringComparer.Ordinal);
}
