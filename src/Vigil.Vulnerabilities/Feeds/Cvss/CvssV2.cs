namespace Vigil.Vulnerabilities.Feeds.Cvss;

/// <summary>The CVSS v2 base score of a vector string (<c>AV:N/AC:L/Au:N/C:P/I:P/A:P</c>), by the CVSS v2 guide's equations (section 3.2.1).</summary>
internal static class CvssV2
{
    /// <summary>The base score (0.0-10.0), or null when the vector is not a complete, valid v2 base vector.</summary>
    public static double? BaseScore(string vector)
    {
        var m = CvssVector.Split(vector);
        if (m is null)
        {
            return null;
        }

        var av = CvssVector.Weight(m, "AV", ("L", 0.395), ("A", 0.646), ("N", 1.0));
        var ac = CvssVector.Weight(m, "AC", ("H", 0.35), ("M", 0.61), ("L", 0.71));
        var au = CvssVector.Weight(m, "Au", ("M", 0.45), ("S", 0.56), ("N", 0.704));
        var c = CvssVector.Weight(m, "C", ("N", 0), ("P", 0.275), ("C", 0.660));
        var i = CvssVector.Weight(m, "I", ("N", 0), ("P", 0.275), ("C", 0.660));
        var a = CvssVector.Weight(m, "A", ("N", 0), ("P", 0.275), ("C", 0.660));
        if (av is null || ac is null || au is null || c is null || i is null || a is null)
        {
            return null;
        }

        var impact = 10.41 * (1 - ((1 - c.Value) * (1 - i.Value) * (1 - a.Value)));
        var exploitability = 20 * av.Value * ac.Value * au.Value;
        var f = impact == 0 ? 0 : 1.176;
        var score = ((0.6 * impact) + (0.4 * exploitability) - 1.5) * f;
        // Through decimal so that float noise (4.35 held as 4.34999...) rounds as the guide intends.
        return (double)Math.Round((decimal)score, 1, MidpointRounding.AwayFromZero);
    }
}
