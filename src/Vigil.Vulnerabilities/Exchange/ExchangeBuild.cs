using System.Globalization;

namespace Vigil.Vulnerabilities.Exchange;

/// <summary>A four-part Exchange build number (<c>15.1.2176.9</c>); the first three parts identify the CU.</summary>
internal readonly record struct ExchangeBuild(int Major, int Minor, int BuildPart, int Revision) : IComparable<ExchangeBuild>
{
    /// <summary>Reads <c>15.1.2176.9</c> or a file version such as <c>15.01.2176.009</c>; false when not four numbers.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out ExchangeBuild build)
    {
        build = default;
        Span<int> parts = stackalloc int[4];
        var count = 0;
        foreach (var range in text.Trim().Split('.'))
        {
            if (count == 4 || !int.TryParse(text.Trim()[range], NumberStyles.None, CultureInfo.InvariantCulture, out parts[count]))
            {
                return false;
            }

            count++;
        }

        if (count != 4)
        {
            return false;
        }

        build = new ExchangeBuild(parts[0], parts[1], parts[2], parts[3]);
        return true;
    }

    /// <summary>The CU this build belongs to: the same first three parts.</summary>
    public (int Major, int Minor, int BuildPart) CuKey => (Major, Minor, BuildPart);

    public int CompareTo(ExchangeBuild other) =>
        Major != other.Major ? Major.CompareTo(other.Major)
        : Minor != other.Minor ? Minor.CompareTo(other.Minor)
        : BuildPart != other.BuildPart ? BuildPart.CompareTo(other.BuildPart)
        : Revision.CompareTo(other.Revision);

    public static bool operator <(ExchangeBuild left, ExchangeBuild right) => left.CompareTo(right) < 0;

    public static bool operator >(ExchangeBuild left, ExchangeBuild right) => left.CompareTo(right) > 0;

    public static bool operator <=(ExchangeBuild left, ExchangeBuild right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ExchangeBuild left, ExchangeBuild right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{BuildPart}.{Revision}");
}
