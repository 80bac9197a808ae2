namespace Vigil.Storage.Events;

/// <summary>Applies <see cref="FieldFilter"/>s: every filter must hold, each on any value of its (exactly named) field.</summary>
internal static class EventFilter
{
    public static bool Matches(IReadOnlyList<KeyValuePair<string, string?>> fields, IReadOnlyList<FieldFilter> filters)
    {
        foreach (var filter in filters)
        {
            if (!Holds(fields, filter))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Holds(IReadOnlyList<KeyValuePair<string, string?>> fields, FieldFilter filter)
    {
        foreach (var (name, value) in fields)
        {
            if (value is null || !string.Equals(name, filter.Name, StringComparison.Ordinal))
            {
                continue;
            }

            // Both comparisons ignore case (ordinal, culture-free): an investigator searching for "ADMIN" wants "admin".
            var hit = filter.Contains
                ? value.Contains(filter.Value, StringComparison.OrdinalIgnoreCase)
                : string.Equals(value, filter.Value, StringComparison.OrdinalIgnoreCase);
            if (hit)
            {
                return true;
            }
        }

        return false;
    }
}
