namespace Vigil.Vulnerabilities.Versions;

/// <summary>
/// Maven versions, ordered as Maven's <c>ComparableVersion</c> (maven-artifact 3.8) orders them.
/// </summary>
/// <remarks>
/// The text is lower-cased and split into items: <c>.</c> separates items, <c>-</c> and every digit/letter
/// transition start a nested list. Trailing "null" items (0, release qualifiers, empty lists) are dropped from
/// each list. Numbers compare numerically and above qualifiers and lists; qualifiers order alpha &lt; beta &lt;
/// milestone &lt; rc &lt; snapshot &lt; "" (ga, final, release) &lt; sp &lt; any other qualifier (those by text);
/// <c>a</c>, <c>b</c>, <c>m</c> directly followed by a digit mean alpha, beta, milestone; <c>cr</c> means rc.
/// Every string is a valid Maven version (Maven orders anything); <see cref="IsValid"/> rejects only empty text,
/// whitespace and control characters.
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
        var bufferA = a.Length < StackLimit ? stackalloc MavenItem[(2 * a.Length) + 2] : new MavenItem[(2 * a.Length) + 2];
        var bufferB = b.Length < StackLimit ? stackalloc MavenItem[(2 * b.Length) + 2] : new MavenItem[(2 * b.Length) + 2];
        var itemsA = bufferA[..MavenParser.Parse(a, bufferA)];
        var itemsB = bufferB[..MavenParser.Parse(b, bufferB)];
        return new MavenComparer(a, b).CompareLists(itemsA, itemsB);
    }
}
