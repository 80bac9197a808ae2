using Vigil.Discovery.Extraction;
using Vigil.Discovery.Recognition;
using Vigil.Discovery.Scanning;

namespace Vigil.Discovery.Tests.Subjects;

/// <summary>Builds items with findings placed by hand, the way the scanner places them, without running recognisers.</summary>
internal static class Mailbox
{
    /// <summary>
    /// A message: header and body text, and the values found in each (type, value), in text order; each value is
    /// looked up after the previous one.
    /// </summary>
    public static ItemFindings Message(string id, string headers, string body, params (string Type, string Value)[] found)
    {
        var findings = new List<Finding>();
        var inHeaders = new List<(string, string)>();
        var inBody = new List<(string, string)>();
        var headerEnd = 0;
        foreach (var (type, value) in found)
        {
            var at = headers.IndexOf(value, headerEnd, StringComparison.Ordinal);
            if (inBody.Count == 0 && at >= 0)
            {
                inHeaders.Add((type, value));
                headerEnd = at + value.Length;
            }
            else
            {
                inBody.Add((type, value));
            }
        }

        Place("headers", headers, inHeaders, findings);
        Place("body", body, inBody, findings);
        return new ItemFindings(id, ScanItemKind.Message, "test.mbox", headers.Length + body.Length, findings, []);
    }

    private static void Place(string part, string text, List<(string Type, string Value)> found, List<Finding> findings)
    {
        var walker = new LineWalker(text, part == "headers");
        var from = 0;
        foreach (var (type, value) in found)
        {
            var at = text.IndexOf(value, from, StringComparison.Ordinal);
            Assert.True(at >= 0, $"{value} not in the {part} after offset {from}");
            from = at + value.Length;
            var (line, paragraph, header) = walker.MoveTo(at);
            findings.Add(new Finding(type, PhiTypes.CategoryOf(type), header is null ? part : $"{part}:{header}", value,
                PhiMask.Mask(type, value), 0.9, "test", new FindingPosition(at, value.Length, line, paragraph)));
        }
    }
}
