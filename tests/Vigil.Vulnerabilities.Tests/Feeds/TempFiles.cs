namespace Vigil.Vulnerabilities.Tests.Feeds;

/// <summary>A temporary folder for hand-made bad inputs, deleted on dispose.</summary>
internal sealed class TempFiles : IDisposable
{
    public TempFiles()
    {
        Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vigil-vuln-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    /// <summary>Writes <paramref name="text"/> to a file of that name and returns its path.</summary>
    public string Write(string name, string text)
    {
        var path = System.IO.Path.Combine(Folder, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
