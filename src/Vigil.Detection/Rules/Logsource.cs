namespace Vigil.Detection.Rules;

/// <summary>A rule's logsource: which kind of events it is written for.</summary>
/// <param name="Product">For example <c>windows</c>, <c>azure</c>, <c>m365</c>.</param>
/// <param name="Category">For example <c>process_creation</c>.</param>
/// <param name="Service">For example <c>security</c>, <c>signinlogs</c>.</param>
public sealed record Logsource(string? Product, string? Category, string? Service)
{
    /// <summary>A logsource with none of the three keys.</summary>
    public static Logsource Any { get; } = new(null, null, null);

    /// <inheritdoc />
    public override string ToString() =>
        string.Join('/', new[] { Product, Category, Service }.Where(static s => s is not null));
}
