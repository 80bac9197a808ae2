namespace Vigil.Vulnerabilities.Feeds.Cvss;

/// <summary>The CVSS v3.0/v3.1 base score of a vector string, by the formulas of the FIRST CVSS v3.1 specification (section 7).</summary>
internal static class CvssV3
{
    /// <summary>The base score (0.0-10.0), or null when the vector is not a complete, valid v3 base vector.</summary>
    public static double? BaseScore(string vector)
    {
        var m = CvssVector.Split(vector);
        if (m is null || !m.TryGetValue("CVSS", out var version) || version is not ("3.0" or "3.1"))
        {
            return null;
        }

        if (!m.TryGetValue("S", out var scope) || scope is not ("U" or "C"))
        {
            return null;
        }

        var changed = scope == "C";
        var av = CvssVector.Weight(m, "AV", ("N", 0.85), ("A", 0.62), ("L", 0.55), ("P", 0.2));
        var ac = CvssVector.Weight(m, "AC", ("L", 0.77), ("H", 0.44));
        var pr = CvssVector.Weight(m, "PR", ("N", 0.85), ("L", changed ? 0.68 : 0.62), ("H", changed ? 0.5 : 0.27));
        var ui = CvssVector.Weight(m, "UI", ("N", 0.85), ("R", 0.62));
        var c = CvssVector.Weight(m, "C", ("H", 0.56), ("L", 0.22), ("N", 0));
        var i = CvssVector.Weight(m, "I", ("H", 0.56), ("L", 0.22), ("N", 0));
        var a = CvssVector.Weight(m, "A", ("H", 0.56), ("L", 0.22), ("N", 0));
        if (av is null || ac is null || pr is null || ui is null || c is null || i is null || a is null)
        {
            return null;
        }

        var iss = 1 - ((1 - c.Value) * (1 - i.Value) * (1 - a.Value));
        var impact = changed ? (7.52 * (iss - 0.029)) - (3.25 * Math.Pow(iss - 0.02, 15)) : 6.42 * iss;
        var exploitability = 8.22 * av.Value * ac.Value * pr.Value * ui.Value;
        if (impact <= 0)
        {
            return 0;
        }

        return changed ? RoundUp(Math.Min(1.08 * (impact + exploitability), 10)) : RoundUp(Math.Min(impact + exploitability, 10));
    }

    /// <summary>The v3.1 spec's Roundup (Appendix A): the smallest one-decimal number not below the input, free of float noise.</summary>
    internal static double RoundUp(double value)
    {
        var integer = (long)Math.Round(value * 100000);
        return integer % 10000 == 0 ? integer / 100000.0 : (Math.Floor(integer / 10000.0) + 1) / 10.0;
    }
}
