using System.IO.Compression;
using System.Text.Json;
using Vigil.Discovery.Extraction;

namespace Vigil.Discovery.Tests.Extraction;

/// <summary>The staged synthetic mailbox (shared/data/phi/synthetic-mailbox, CC0): 8,325 messages with labelled entities.</summary>
public sealed class SyntheticMailboxTests
{
    [Fact]
    public void Every_message_is_read_and_holds_the_labelled_values_of_its_truth()
    {
        var folder = SyntheticMailboxFolder();
        var read = Extracted.Read(Path.Combine(folder, "corpus.mbox.gz"));
        var truth = Truth(Path.Combine(folder, "truth.jsonl.gz"));

        Assert.Equal(8325, read.Items.Count);
        Assert.Equal(8325, truth.Count);
        Assert.Empty(read.Problems);
        var checkedValues = 0;
        var missing = new List<string>();
        for (var i = 0; i < truth.Count; i++)
        {
            var text = string.Join("\n", read.Items[i].Parts.Select(p => p.Text));
            foreach (var (type, value) in truth[i])
            {
                checkedValues++;
                if (!text.Contains(value, StringComparison.Ordinal))
                {
                    missing.Add($"message {i + 1}: {type}");
                }
            }
        }

        Assert.Equal(68_052, checkedValues);
        Assert.Empty(missing);
        Assert.All(read.Items, item => Assert.DoesNotContain(item.Parts, p => p.Text.Contains("Message-ID", StringComparison.Ordinal)));
    }

    private static List<List<(string Type, string Value)>> Truth(string path)
    {
        using var file = File.OpenRead(path);
        using var reader = new StreamReader(new GZipStream(file, CompressionMode.Decompress));
        var messages = new List<List<(string, string)>>();
        while (reader.ReadLine() is { } line)
        {
            using var json = JsonDocument.Parse(line);
            messages.Add([.. json.RootElement.GetProperty("entities").EnumerateArray()
                .Select(e => (e.GetProperty("type").GetString()!, e.GetProperty("value").GetString()!))]);
        }

        return messages;
    }

    private static string SyntheticMailboxFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Vigil.slnx")))
        {
            directory = directory.Parent;
        }

        Assert.True(directory is not null, "Vigil.slnx not found above the test binaries: cannot locate ../shared/data");
        var folder = Path.GetFullPath(Path.Combine(directory!.FullName, "..", "shared", "data", "phi", "synthetic-mailbox"));
        Assert.True(
            File.Exists(Path.Combine(folder, "corpus.mbox.gz")),
            $"The synthetic mailbox is missing: expected {folder}/corpus.mbox.gz (shared/data/phi/synthetic-mailbox).");
        return folder;
    }
}
