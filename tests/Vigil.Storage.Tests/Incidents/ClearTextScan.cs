using System.Text;

namespace Vigil.Storage.Tests.Incidents;

/// <summary>Searches every file under a data folder for planted identifiers, in UTF-8 and UTF-16.</summary>
internal static class ClearTextScan
{
    /// <summary>Fails naming the file when any of <paramref name="planted"/> stands in clear in a file under <paramref name="directory"/>.</summary>
    public static async Task AssertNoneAsync(string directory, params string[] planted)
    {
        foreach (var file in Directory.GetFiles(directory, "*", SearchOption.AllDirectories))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            foreach (var value in planted)
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(value)) < 0, $"{Path.GetFileName(file)} holds a planted identifier in clear");
                Assert.True(bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(value)) < 0, $"{Path.GetFileName(file)} holds a planted identifier in UTF-16");
            }
        }
    }
}
