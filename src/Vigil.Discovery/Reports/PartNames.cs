namespace Vigil.Discovery.Reports;

/// <summary>
/// Attachment file names can name a patient ("J Smith discharge.pdf"): unless values are revealed, a part's name
/// keeps its structure and each file's extension only (<c>attachment[2]:*.pdf</c>).
/// </summary>
public static class PartNames
{
    /// <summary>The part name to show: as it is when revealing, else with file names reduced to their extensions.</summary>
    public static string Show(string? part, bool reveal)
    {
        if (part is null || reveal || part.StartsWith("headers", StringComparison.Ordinal) || part.StartsWith("body", StringComparison.Ordinal))
        {
            return part ?? "";
        }

        var segments = part.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var colon = segments[i].IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0)
            {
                var name = segments[i][(colon + 1)..];
                var extension = Path.GetExtension(name);
                segments[i] = segments[i][..(colon + 1)] + "*" + (extension.Length is > 1 and <= 6 ? extension : "");
            }
        }

        return string.Join('/', segments);
    }
}
