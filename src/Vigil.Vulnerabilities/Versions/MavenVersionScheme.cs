using System.Buffers;

namespace Vigil.Vulnerabilities.Versions;

/// <summary>
/// Maven versions, ordered as Maven's <c>ComparableVersion</c> of maven-artifact 3.8.6 orders them (the version that
/// generated osv.dev's Maven ordering vectors).
/// </summary>
/// <remarks>
/// The text is lower-cased and split into items: <c>.</c> separates items, <c>-</c> and every digit/letter
/// transition start a nested list. Trailing "null" items (0, release qualifiers, empty lists) are dropped from
/// each list. Numbers compare numerically and above qualifiers and lists; qualifiers order alpha &lt; beta &lt;
/// milestone &lt; rc &lt; snapshot &lt; "" (ga, final, release) &lt; sp &lt; any other qualifier (those by text);
/// <c>a</c>, <c>b</c>, <c>m</c> directly followed by a digit mean alpha, beta, milestone; <c>cr</c> means rc.
/// Every string is a valid Maven version (Maven orders anything); <see cref="IsValid"/> rejects only empty text,
/// whitespace and control characters. Maven 3.8.7 also treats a qualifier after a dot and before a digit or the end
/// (<c>1.0.RC1</c>) like one after a hyphen (MNG-7559); that changes 18 of the 14,752 generated vectors, so it is
/// not followed (docs/versions.md).
/// </remarks>
internal sealed class MavenVersionScheme : IVersionScheme
{
    private const int StackLimit = 128;

    public string Name => "maven";

    public bool IsValid(string version, out string? reason)
    {
        var text = version.AsSpan().Trim();
        reason = text.IsEmpty ? "version is empty"
            : text.ContainsAny(" \t\r\n") ? "version contains whitespace"
            : text.ContainsAnyInRange('\0', '\u001f') ? "version contains a control character"
            : null;
        return reason is null;
    }

    public int Compare(string left, string right)
    {
        var a = left.AsSpan().Trim();
        var b = right.AsSpan().Trim();
        var rentedA = a.Length < StackLimit ? null : ArrayPool<MavenItem>.Shared.Rent((3 * a.Length) + 3);
        var rentedB = b.Length < StackLimit ? null : ArrayPool<MavenItem>.Shared.Rent((3 * b.Length) + 3);
        try
        {
            var bufferA = rentedA ?? stackalloc MavenItem[(3 * StackLimit) + 3];
            var bufferB = rentedB ?? stackalloc MavenItem[(3 * StackLimit) + 3];
            var itemsA = bufferA[..MavenParser.Parse(a, bufferA)];
            var itemsB = bufferB[..MavenParser.Parse(b, bufferB)];
            return new MavenComparer(a, b).CompareLists(itemsA, itemsB);
        }
        finally
        {
            if (rentedA is not null)
            {
                ArrayPool<MavenItem>.Shared.Return(rentedA);
            }

            if (rentedB is not null)
            {
                ArrayPool<MavenItem>.Shared.Return(rentedB);
            }
        }
    }
}
