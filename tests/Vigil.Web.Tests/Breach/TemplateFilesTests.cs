using Vigil.Web.Responding;

namespace Vigil.Web.Tests.Breach;

public sealed class TemplateFilesTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "vigil-template-tests", Guid.NewGuid().ToString("N"));

    public TemplateFilesTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task A_template_is_read_once_while_unchanged_and_again_once_the_practice_edits_it()
    {
        var path = Path.Combine(_folder, "patient-letter.md");
        await File.WriteAllTextAsync(path, "Dear {{name}}, version 1");
        var written = File.GetLastWriteTimeUtc(path);
        var templates = new TemplateFiles();
        Assert.Equal("Dear {{name}}, version 1", await templates.ReadAsync(path, CancellationToken.None));

        // Same length, same last-write time: the kept text is what a second generation gets (the file is not re-read).
        await File.WriteAllTextAsync(path, "Dear {{name}}, version X");
        File.SetLastWriteTimeUtc(path, written);
        Assert.Equal("Dear {{name}}, version 1", await templates.ReadAsync(path, CancellationToken.None));

        // An edit (a later write time) is picked up without restarting.
        await File.WriteAllTextAsync(path, "Dear {{name}}, version 2");
        File.SetLastWriteTimeUtc(path, written.AddSeconds(1));
        Assert.Equal("Dear {{name}}, version 2", await templates.ReadAsync(path, CancellationToken.None));
    }

    [Fact]
    public async Task A_missing_template_is_an_error_naming_the_file()
    {
        var path = Path.Combine(_folder, "missing.md");
        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => new TemplateFiles().ReadAsync(path, CancellationToken.None));
        Assert.Contains("missing.md", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
