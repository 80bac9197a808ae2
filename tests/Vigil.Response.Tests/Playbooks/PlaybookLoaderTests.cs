using Vigil.Response.Playbooks;

namespace Vigil.Response.Tests.Playbooks;

public sealed class PlaybookLoaderTests
{
    [Fact]
    public void The_shipped_playbooks_load_and_each_preserves_evidence_first_with_sources()
    {
        var result = PlaybookLoader.LoadFolder(Path.Combine(RepoRoot(), "playbooks"));

        Assert.Empty(result.Errors);
        Assert.Equal(
            ["compromised-mailbox", "exchange-server-exploitation", "lost-or-stolen-device", "misdirected-email"],
            result.Playbooks.Select(p => p.Id).Order(StringComparer.Ordinal));
        foreach (var playbook in result.Playbooks)
        {
            Assert.Equal("Preserve", playbook.Steps[0].Group);
            Assert.Contains(playbook.Steps, s => s.Group == "Notify");
            Assert.All(playbook.Steps, s => Assert.False(string.IsNullOrWhiteSpace(s.Source)));
        }

        var mailbox = result.Find("Compromised mailbox")!;
        foreach (var expected in new[] { "Block sign-in", "out of band", "Revoke sessions", "forwarding", "inbox rules", "delegates", "OAuth", "what was read", "what was sent" })
        {
            Assert.Contains(mailbox.Steps, s => s.Title.Contains(expected, StringComparison.OrdinalIgnoreCase));
        }

        var tasks = mailbox.ToTasks();
        Assert.Equal((mailbox.Steps.Count, "Preserve", mailbox.Steps[0].Source), (tasks.Count, tasks[0].Group, tasks[0].Source));
    }

    [Theory]
    [InlineData("name: X\ngroups:\n  - name: Contain\n    steps:\n      - title: Block\n        source: S\n      - source: S\n", "bad.yml: step 2 (group Contain): missing title")]
    [InlineData("name: X\ngroups:\n  - name: Contain\n    steps:\n      - title: Block\n", "bad.yml: step 1 (group Contain): missing source")]
    [InlineData("groups:\n  - name: Contain\n    steps:\n      - title: Block\n        source: S\n", "bad.yml: missing name")]
    [InlineData("name: X\ngroups:\n  - steps: []\n", "bad.yml: group 1: missing name")]
    [InlineData("name: X\nstepz: 1\n", "bad.yml: line 2: not a valid playbook")]
    [InlineData("name: [unclosed\n", "bad.yml: line")]
    public void Invalid_playbooks_are_reported_with_file_and_step(string yaml, string expected)
    {
        var errors = new List<string>();

        Assert.Null(PlaybookLoader.Parse("bad.yml", "bad", yaml, errors));
        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_bad_file_is_skipped_and_the_others_still_load()
    {
        var folder = Directory.CreateTempSubdirectory("vigil-playbooks-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "good.yml"), "name: Good\ngroups:\n  - name: Preserve\n    steps:\n      - title: Keep logs\n        source: S\n");
            File.WriteAllText(Path.Combine(folder, "bad.yml"), "name: Bad\n");
            var result = PlaybookLoader.LoadFolder(folder);

            Assert.Equal(["good"], result.Playbooks.Select(p => p.Id));
            Assert.Equal(["bad.yml: no groups of steps"], result.Errors);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vigil.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (the folder holding Vigil.slnx) was not found above the test's folder.");
    }
}
