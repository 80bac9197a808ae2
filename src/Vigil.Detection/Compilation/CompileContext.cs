namespace Vigil.Detection.Compilation;

/// <summary>What compiling a rule for one logsource needs: its field names mapping and the placeholder values.</summary>
/// <param name="MapField">Rule field name to event field name (from the logsource routing and the pipelines).</param>
/// <param name="Placeholders">Values of <c>%name%</c> placeholders for the <c>expand</c> modifier.</param>
internal sealed record CompileContext(
    Func<string, string> MapField,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Placeholders)
{
    public static CompileContext Empty { get; } = new(static f => f, new Dictionary<string, IReadOnlyList<string>>());
}
