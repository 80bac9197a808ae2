namespace Vigil.Ingestion.Sources;

/// <summary>
/// Strings for syslog process ids (<c>syslog.procid</c>): one instance per id in use instead of one per message.
/// </summary>
/// <remarks>
/// A daemon logs many messages under one pid, but a mail server's busy minute spans thousands of pids, more than
/// <see cref="TokenCache"/>'s slots hold without churning. Here a slot is chosen by the id's numeric value, so
/// ids up to <see cref="Slots"/> never collide and higher ones collide only with ids <see cref="Slots"/> apart. A slot
/// holds the last string that landed there (<see cref="StringSlots"/>), so any text (leading zeros, a 5424 PROCID that
/// is not a number) only costs the allocation it would have cost anyway. At most 32,768 strings of up to 7 digits
/// (about 1 MiB) stay cached.
/// </remarks>
internal static class ProcessIds
{
    private const int Slots = 32768;
    private const int MaxDigits = 7;

    private static readonly string?[] Table = new string?[Slots];

    /// <summary>The string holding <paramref name="text"/>, shared with earlier calls when it is a short decimal number.</summary>
    public static string Get(ReadOnlySpan<char> text)
    {
        if (text.Length is 0 or > MaxDigits)
        {
            return text.ToString();
        }

        var value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return text.ToString();
            }

            value = (value * 10) + (c - '0');
        }

        return StringSlots.Take(ref Table[value & (Slots - 1)], text);
    }
}
