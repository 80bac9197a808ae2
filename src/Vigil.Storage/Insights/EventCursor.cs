using System.Globalization;

namespace Vigil.Storage.Insights;

/// <summary>Where an event page ended: the last event's time and id. Text form <c>{microseconds}.{id}</c> for URLs.</summary>
/// <param name="Micros">Event time in microseconds since 1970 (UTC).</param>
/// <param name="Id">Event id.</param>
public sealed record EventCursor(long Micros, long Id)
{
    /// <summary>The cursor as URL-safe text.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Micros}.{Id}");

    /// <summary>Reads <see cref="ToString"/>'s form; null for anything else (untrusted input is a value, not an exception).</summary>
    public static EventCursor? Parse(string? text)
    {
        var dot = text?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        return dot > 0
            && long.TryParse(text.AsSpan(0, dot), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var micros)
            && long.TryParse(text.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? new EventCursor(micros, id)
            : null;
    }
}
