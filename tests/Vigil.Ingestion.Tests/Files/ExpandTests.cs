using System.Runtime.Versioning;
using Vigil.Diagnostics;
using Vigil.Ingestion.Tests.Support;

namespace Vigil.Ingestion.Tests.Files;

public sealed class ExpandTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly ProblemLog _problems = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Folder_files_are_listed_recursively_in_ordinal_order()
    {
        _temp.File("logs/b.json", "{}");
        _temp.File("logs/a/z.json", "{}");
        _temp.File("logs/B.json", "{}");
        _temp.File("logs/.hidden.json", "{}");
        _temp.File("logs/a.json", "{}");
        var root = Path.Combine(_temp.Path, "logs");

        var files = LogFiles.Expand([root], _problems).ToList();

        string[] expected = [".hidden.json", "B.json", "a.json", "a/z.json", "b.json"];
        Assert.Equal(expected.Select(name => Path.Combine(root, name)), files);
        Assert.Empty(_problems.Problems);
    }

    [Fact]
    public void Files_given_directly_keep_the_input_order_and_form()
    {
        var second = _temp.File("2.json", "{}");
        var first = _temp.File("1.json", "{}");

        Assert.Equal([second, first], LogFiles.Expand([second, first], _problems));
    }

    [Fact]
    public void A_missing_path_is_reported_as_unreadable_and_the_others_are_kept()
    {
        var missing = Path.Combine(_temp.Path, "nope.json");
        var present = _temp.File("yes.json", "{}");

        var files = LogFiles.Expand([missing, present], _problems).ToList();

        Assert.Equal([present], files);
        var problem = Assert.Single(_problems.Problems);
        Assert.Equal((missing, "unreadable"), (problem.Item, problem.Kind));
        Assert.Contains("does not exist", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dangling_link_given_directly_or_in_a_folder_is_reported_and_skipped()
    {
        var folder = _temp.Folder("logs");
        var inside = Path.Combine(folder, "gone.json");
        File.CreateSymbolicLink(inside, Path.Combine(_temp.Path, "no-such-target.json"));
        var direct = Path.Combine(_temp.Path, "direct.json");
        File.CreateSymbolicLink(direct, Path.Combine(_temp.Path, "no-such-target.json"));
        _temp.File("logs/ok.json", "{}");

        var files = LogFiles.Expand([direct, folder], _problems).ToList();

        Assert.Equal([Path.Combine(folder, "ok.json")], files);
        Assert.Equal([direct, inside], _problems.Problems.Select(p => p.Item));
        Assert.All(_problems.Problems, p =>
        {
            Assert.Equal("unreadable", p.Kind);
            Assert.Contains("link", p.Reason, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Links_to_folders_are_not_followed_so_a_loop_ends()
    {
        var folder = _temp.Folder("logs");
        _temp.File("logs/a.json", "{}");
        Directory.CreateSymbolicLink(Path.Combine(folder, "loop"), folder);

        Assert.Equal([Path.Combine(folder, "a.json")], LogFiles.Expand([folder], _problems));
    }

    [NotRootFact]
    [UnsupportedOSPlatform("windows")]
    public void A_folder_that_cannot_be_listed_is_reported_and_skipped()
    {
        var locked = _temp.Folder("logs/locked");
        _temp.File("logs/locked/x.json", "{}");
        _temp.File("logs/open.json", "{}");
        File.SetUnixFileMode(locked, UnixFileMode.None);
        try
        {
            var files = LogFiles.Expand([Path.Combine(_temp.Path, "logs")], _problems).ToList();

            Assert.Equal([Path.Combine(_temp.Path, "logs", "open.json")], files);
            var problem = Assert.Single(_problems.Problems);
            Assert.Equal(("unreadable", locked), (problem.Kind, problem.Item));
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [NotRootFact]
    [UnsupportedOSPlatform("windows")]
    public void A_file_that_cannot_be_opened_is_reported_and_skipped()
    {
        var locked = _temp.File("locked.json", "{}");
        File.SetUnixFileMode(locked, UnixFileMode.None);

        Assert.Empty(LogFiles.Expand([locked], _problems));
        var problem = Assert.Single(_problems.Problems);
        Assert.Equal(("unreadable", "cannot be opened: permission denied; it was skipped"), (problem.Kind, problem.Reason));
    }
}
