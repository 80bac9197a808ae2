using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;

namespace Vigil.Discovery.Extraction;

/// <summary>
/// DOCX and XLSX files are ZIP packages: before OpenXml opens one, the declared sizes of its parts are checked against
/// the ZIP limits, and OpenXml itself is told the most characters it may read from one part.
/// </summary>
internal static class OfficePackage
{
    public static OpenSettings Settings(ContentLimits limits) => new()
    {
        MaxCharactersInPart = limits.MaxPartBytes,
        AutoSave = false,
    };

    public static bool IsSafe(ItemText item, string name, Stream package)
    {
        try
        {
            using (var zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true))
            {
                long total = 0;
                foreach (var entry in zip.Entries)
                {
                    total += entry.Length;
                    if (ZipText.IsBomb(entry, item.Limits) || total > item.Limits.MaxZipTotalBytes)
                    {
                        item.Problem(name, "Office document expands beyond the ZIP limits (suspected ZIP bomb): not read");
                        return false;
                    }
                }
            }

            package.Position = 0;
            return true;
        }
        catch (InvalidDataException)
        {
            item.Problem(name, "malformed Office document (not a ZIP package): not read");
            return false;
        }
    }
}
