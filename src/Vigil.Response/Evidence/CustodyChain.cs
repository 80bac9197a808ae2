using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Vigil.Response.Evidence;

/// <summary>The custody log's hash chain: how an entry's hash is computed and how a log is checked.</summary>
public static class CustodyChain
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>
    /// SHA-256 over the canonical form: each field as its UTF-8 length (decimal), a colon and the bytes, joined by
    /// new lines, in the order sequence, time (microseconds since 1970 UTC), incident, evidence (empty when none),
    /// action, actor, detail, previous hash. Length prefixes make the encoding unambiguous.
    /// </summary>
    public static string HashOf(long sequence, DateTimeOffset at, long incidentId, long? evidenceId, string action, string actor, string detail, string previousHash)
    {
        var micros = (at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
        string[] fields =
        [
            sequence.ToString(CultureInfo.InvariantCulture),
            micros.ToString(CultureInfo.InvariantCulture),
            incidentId.ToString(CultureInfo.InvariantCulture),
            evidenceId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            action,
            actor,
            detail,
            previousHash,
        ];
        var canonical = new StringBuilder();
        foreach (var field in fields)
        {
            canonical.Append(Encoding.UTF8.GetByteCount(field).ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    /// <summary>The hash <paramref name="entry"/> should have.</summary>
    public static string HashOf(CustodyEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return HashOf(entry.Sequence, entry.At, entry.IncidentId, entry.EvidenceId, entry.Action, entry.Actor, entry.Detail, entry.PreviousHash);
    }

    /// <summary>Checks a whole log in sequence order; returns null when intact, otherwise what is wrong with the first broken entry.</summary>
    public static string? FirstBreak(IEnumerable<CustodyEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var previous = Genesis;
        long expected = 1;
        foreach (var entry in entries)
        {
            if (entry.Sequence != expected)
            {
                return $"custody entry {expected}: missing or out of order (found sequence {entry.Sequence})";
            }

            if (!string.Equals(entry.PreviousHash, previous, StringComparison.Ordinal))
            {
                return $"custody entry {entry.Sequence}: its previous hash does not match entry {entry.Sequence - 1} (an entry was removed, reordered or changed)";
            }

            if (!string.Equals(HashOf(entry), entry.Hash, StringComparison.Ordinal))
            {
                return $"custody entry {entry.Sequence}: its content does not match its hash (changed)";
            }

            previous = entry.Hash;
            expected++;
        }

        return null;
    }
}
