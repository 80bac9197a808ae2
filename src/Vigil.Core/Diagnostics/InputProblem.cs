namespace Vigil.Diagnostics;

/// <summary>
/// Something in the input that could not be used: a file, a rule, a record. Names the item and the reason; never
/// carries the content of a record, which may hold patient data.
/// </summary>
/// <param name="Item">The file or rule the problem is in.</param>
/// <param name="Location">Where in it (line, record, chunk), or empty.</param>
/// <param name="Kind">A short stable category used to count problems (<c>invalid-json</c>, <c>unknown-modifier</c>).</param>
/// <param name="Reason">One sentence for a person.</param>
public sealed record InputProblem(string Item, string Location, string Kind, string Reason)
{
    /// <summary>The problem as one line: <c>item:location: reason</c>.</summary>
    public override string ToString() =>
        Location.Length == 0 ? $"{Item}: {Reason}" : $"{Item}:{Location}: {Reason}";
}
