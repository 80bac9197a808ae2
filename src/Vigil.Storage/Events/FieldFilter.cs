namespace Vigil.Storage.Events;

/// <summary>A condition on one field: some value of <paramref name="Name"/> equals (case-insensitively) or contains <paramref name="Value"/>.</summary>
/// <param name="Name">The field name, exactly as stored.</param>
/// <param name="Value">The text to compare.</param>
/// <param name="Contains">Substring instead of equality.</param>
public sealed record FieldFilter(string Name, string Value, bool Contains = false);
