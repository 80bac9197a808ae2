namespace Vigil.Ingestion.Sources;

/// <summary>
/// Strings for the short tokens that repeat from message to message (host names, tags, daemon and service names):
/// one instance each instead of one per message.
/// </summary>
/// <remarks>
/// A fixed table indexed by a cheap hash of the text, each slot holding the last string that hashed there
/// (<see cref="StringSlots"/>: a miss only costs the allocation it would have cost anyway; thread-safe). Only for
/// values every message of a kind carries in a few variants: a value that rarely repeats would only churn the table.
/// </remarks>
internal static class TokenCache
{
    private const int Slots = 1024;
    private const int MaxLength = 48;

    private static readonly string?[] Table = new string?[Slots];

    /// <summary>The string holding <paramref name="text"/>, shared with earlier calls when it is short.</summary>
    public static string Get(ReadOnlySpan<char> text)
    {
        if (text.Length is 0 or > MaxLength)
        {
            return text.ToString();
        }

        return StringSlots.Take(ref Table[(int)(Hash(text) & (Slots - 1))], text);
    }

    // FNV-1a over the characters: the tokens are short, and collisions only cost a miss.
    private static uint Hash(ReadOnlySpan<char> text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash ^ (hash >> 15);
    }
}
