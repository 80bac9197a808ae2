using System.Text;
using Vigil.Ingestion.Tests.Support;

namespace Vigil.Ingestion.Tests.Gzip;

public sealed class GzipTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("events.json.gz")]
    [InlineData("events.log")]
    [InlineData("no-extension")]
    public void Gzip_is_found_by_its_magic_bytes_whatever_the_name(string name)
    {
        var reading = Reading.Of(_temp.File(name, TempFolder.Gzip(Lines(1000))));

        Assert.Empty(reading.Problems);
        Assert.Equal(1000, reading.Events.Count);
        Assert.Equal(1000L, reading.Events[^1].Record);
    }

    [Fact]
    public void Concatenated_gzip_members_are_all_read()
    {
        byte[] bytes = [.. TempFolder.Gzip(Lines(10)), .. TempFolder.Gzip(Lines(5, start: 10))];

        var reading = Reading.Of(_temp.File("two.gz", bytes));

        Assert.Empty(reading.Problems);
        Assert.Equal(Enumerable.Range(0, 15).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), reading.Events.Select(e => e.Get("i")));
    }

    [Theory]
    [InlineData("ndjson")]
    [InlineData("text")]
    public void Truncated_gzip_reports_truncated_and_keeps_the_events_read_so_far(string format)
    {
        var whole = TempFolder.Gzip(format == "text" ? TextLines(50_000) : Lines(50_000));

        var reading = Reading.Of(_temp.File($"cut.{format}.gz", whole[..(whole.Length / 2)]));

        Assert.InRange(reading.Events.Count, 1000, 49_999);
        Assert.Equal(format == "text", reading.Events[0].Get("message") is not null);
        Assert.Equal(Enumerable.Range(1, reading.Events.Count).Select(i => (long)i), reading.Events.Select(e => e.Record));
        var problem = Assert.Single(reading.Problems);
        Assert.Equal(("truncated", $"line {reading.Events.Count + 1}"), (problem.Kind, problem.Location));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(9)]
    public void Gzip_cut_inside_its_trailer_is_truncated(int cut)
    {
        var whole = TempFolder.Gzip(Lines(10));

        var reading = Reading.Of(_temp.File("cut.gz", whole[..^cut]));

        Assert.Equal("truncated", Assert.Single(reading.Problems).Kind);
    }

    [Fact]
    public void A_truncated_gzip_json_array_reports_truncated_after_its_complete_objects()
    {
        var text = "[" + string.Join(",", Enumerable.Range(0, 20_000).Select(i => $"{{\"i\":{i}}}")) + "]";
        var whole = TempFolder.Gzip(text);

        var reading = Reading.Of(_temp.File("cut.gz", whole[..(whole.Length * 3 / 4)]));

        Assert.NotEmpty(reading.Events);
        var problem = Assert.Single(reading.Problems);
        Assert.Equal("truncated", problem.Kind);
        Assert.StartsWith("object ", problem.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_gzip_is_reported_without_throwing()
    {
        var bytes = TempFolder.Gzip(Lines(5000));
        for (var i = bytes.Length / 3; i < bytes.Length / 3 + 64; i++)
        {
            bytes[i] ^= 0x5A;
        }

        var reading = Reading.Of(_temp.File("bad.gz", bytes));

        Assert.NotEmpty(reading.Problems);
        Assert.Contains(reading.Problems, p => p.Kind is "corrupt" or "invalid-json" or "invalid-utf8" or "truncated");
    }

    [Fact]
    public void Gzipped_csv_is_csv_by_its_name()
    {
        var reading = Reading.Of(_temp.File("events.csv.gz", TempFolder.Gzip("a;b\n1;2\n")));

        Assert.Empty(reading.Problems);
        Assert.Equal("1;2", reading.Events.Single().Get("a;b"));
    }

    [Fact]
    public void Gzip_with_header_name_and_comment_fields_is_read()
    {
        var plain = TempFolder.Gzip(Lines(3));
        // Set FNAME and FCOMMENT and insert both zero-terminated strings after the 10-byte header.
        byte[] bytes = [plain[0], plain[1], plain[2], (byte)(plain[3] | 0x18), .. plain[4..10], .. "a.json\0"u8, .. "note\0"u8, .. plain[10..]];

        var reading = Reading.Of(_temp.File("named.gz", bytes));

        Assert.Empty(reading.Problems);
        Assert.Equal(3, reading.Events.Count);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(5)]
    [InlineData(4)]
    [InlineData(1)]
    public void A_member_whose_trailer_fails_its_crc_or_length_check_is_corrupt(int fromEnd)
    {
        // The trailer is CRC-32 (bytes -8..-5) then the length (bytes -4..-1); flip one bit of either. A later member
        // follows, so the damaged trailer cannot be taken for a cut one.
        var first = TempFolder.Gzip(Lines(10));
        first[^fromEnd] ^= 0x01;
        byte[] bytes = [.. first, .. TempFolder.Gzip(Lines(20_000, start: 10))];

        var reading = Reading.Of(_temp.File("bad.gz", bytes));

        Assert.Equal(10, reading.Events.Count);
        var problem = Assert.Single(reading.Problems);
        Assert.Equal(("corrupt", "line 11"), (problem.Kind, problem.Location));
    }

    [Fact]
    public void A_last_member_whose_trailer_fails_its_check_is_reported_after_its_events()
    {
        var bytes = TempFolder.Gzip(Lines(10));
        bytes[^8] ^= 0x01;

        var reading = Reading.Of(_temp.File("bad.gz", bytes));

        Assert.Equal(10, reading.Events.Count);
        var problem = Assert.Single(reading.Problems);
        // At the very end of the input a damaged trailer and a cut one look alike (where the deflate data ends is not
        // known to the byte), so either kind is right; what matters is that it is not silently accepted.
        Assert.Contains(problem.Kind, new[] { "corrupt", "truncated" });
        Assert.Equal("line 11", problem.Location);
    }

    private static string TextLines(int count) =>
        string.Concat(Enumerable.Range(0, count).Select(i => $"Feb 17 13:40:03 host app[{i}]: event number {i}\n"));

    private static string Lines(int count, int start = 0)
    {
        var text = new StringBuilder();
        for (var i = start; i < start + count; i++)
        {
            text.Append("{\"i\":").Append(i).Append(",\"host\":\"host-").Append(i % 7).Append("\"}\n");
        }

        return text.ToString();
    }
}
