using System.Text;
using Vigil.Ingestion.Tests.Support;

namespace Vigil.Ingestion.Tests.Text;

public sealed class TextLinesTests : IDisposable
{
    private const string Syslog =
        "Feb 17 13:40:03 sw1 %PARSER-5-CFGLOG_LOGGEDCMD: User:admin  logged command:no access-session port-control\n"
        + "Feb 17 13:40:04 sw1 sshd[42]: Accepted password for alice from 10.0.0.7 port 22\n";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Text_lines_become_events_with_a_message_field_numbered_by_line()
    {
        var path = _temp.File("switch.log", Syslog);

        var reading = Reading.Of(path);

        Assert.Empty(reading.Problems);
        Assert.Equal(Syslog.TrimEnd('\n').Split('\n'), reading.Events.Select(e => e.Get("message")));
        Assert.Equal([1L, 2L], reading.Events.Select(e => e.Record));
        Assert.All(reading.Events, e =>
        {
            Assert.Equal(path, e.Source);

            // Syslog lines keep the whole line in message and are parsed further (Sources/SampleFilesTests).
            Assert.Equal("message", e.Fields().First().Key);
        });
    }

    [Fact]
    public void Blank_lines_are_skipped_and_keep_their_numbers()
    {
        var reading = Reading.Of(_temp.File("app.log", "first\n\n   \n\t\r\nsecond\n\n"));

        Assert.Empty(reading.Problems);
        Assert.Equal(["first", "second"], reading.Events.Select(e => e.Get("message")));
        Assert.Equal([1L, 5L], reading.Events.Select(e => e.Record));
    }

    [Fact]
    public void Crlf_line_endings_are_not_part_of_the_message_but_other_spaces_are()
    {
        var reading = Reading.Of(_temp.File("app.log", "  indented line \r\nlast line without a break"));

        Assert.Equal(["  indented line ", "last line without a break"], reading.Events.Select(e => e.Get("message")));
    }

    [Fact]
    public void A_byte_order_mark_is_not_part_of_the_first_message()
    {
        var reading = Reading.Of(_temp.File("app.log", [.. "\uFEFF"u8, .. "first\r\nsecond\r\n"u8]));

        Assert.Empty(reading.Problems);
        Assert.Equal(["first", "second"], reading.Events.Select(e => e.Get("message")));
    }

    [Fact]
    public void A_utf8_text_file_with_a_log_extension_is_read_as_text()
    {
        var text = "2024-03-01 12:00:00 INFO Benutzer Müller angemeldet\n2024-03-01 12:00:01 WARN 患者 記録 開かれた\n";

        var reading = Reading.Of(_temp.File("server.log", text));

        Assert.Empty(reading.Problems);
        Assert.Equal(text.TrimEnd('\n').Split('\n'), reading.Events.Select(e => e.Get("message")));
    }

    [Fact]
    public void Terminal_colour_codes_do_not_stop_a_file_being_text()
    {
        var text = string.Concat(Enumerable.Range(0, 100).Select(i => $"\u001b[32mINFO\u001b[0m worker {i} finished its job\n"));

        var reading = Reading.Of(_temp.File("app.log", text));

        Assert.Empty(reading.Problems);
        Assert.Equal(100, reading.Events.Count);
    }

    [Fact]
    public void A_character_cut_by_the_end_of_the_sniff_window_does_not_stop_a_file_being_text()
    {
        // The first 64 KiB end between the two bytes of the é.
        var line = new string('a', (64 * 1024) - 1) + "é";

        var reading = Reading.Of(_temp.File("app.log", line + "\nnext\n"));

        Assert.Empty(reading.Problems);
        Assert.Equal([line, "next"], reading.Events.Select(e => e.Get("message")));
    }

    [Fact]
    public void A_line_over_one_mebibyte_is_reported_and_skipped_without_being_held()
    {
        // 20 MiB is more than the input window may grow to, so reading only works if the line streams past.
        var path = _temp.File("app.log", [.. "before\n"u8, .. Encoding.ASCII.GetBytes(new string('x', 20 * 1024 * 1024)), .. "\nafter\n"u8]);

        var reading = Reading.Of(path);

        Assert.Equal(["before", "after"], reading.Events.Select(e => e.Get("message")));
        Assert.Equal([1L, 3L], reading.Events.Select(e => e.Record));
        Assert.Equal(["line-too-long@line 2"], reading.ProblemKeys);
    }

    [Fact]
    public void A_line_with_invalid_utf8_is_reported_without_its_content_and_skipped()
    {
        // The first 64 KiB decide the format and must be valid UTF-8, so the bad line comes after them.
        var lead = string.Concat(Enumerable.Range(1, 2000).Select(i => $"line {i:D4} of plain log text here\n"));
        byte[] bad = [.. "patient Jane Doe caf"u8, 0xC3, 0x28, .. "\n"u8];
        var path = _temp.File("app.log", [.. Encoding.UTF8.GetBytes(lead), .. bad, .. "ok é\n"u8]);

        var reading = Reading.Of(path);

        Assert.Equal(2001, reading.Events.Count);
        Assert.Equal("ok é", reading.Events[^1].Get("message"));
        Assert.Equal(2002L, reading.Events[^1].Record);
        var problem = Assert.Single(reading.Problems);
        Assert.Equal((path, "line 2001", "invalid-utf8"), (problem.Item, problem.Location, problem.Kind));
        Assert.DoesNotContain("Jane", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Gzipped_text_is_read_as_text()
    {
        var reading = Reading.Of(_temp.File("switch.log.gz", TempFolder.Gzip(Syslog)));

        Assert.Empty(reading.Problems);
        Assert.Equal(2, reading.Events.Count);
        Assert.Contains("no access-session port-control", reading.Events[0].Get("message"), StringComparison.Ordinal);
    }

    public static TheoryData<string, byte[]> NotText()
    {
        var random = new byte[100_000];
        new Random(7).NextBytes(random);
        random[0] = (byte)'a';
        random.AsSpan().Replace((byte)0, (byte)1);
        return new()
        {
            { "random bytes without a NUL", random },
            { "UTF-16 with its byte order mark", Encoding.Unicode.GetBytes("\uFEFFFeb 17 13:40:03 host app: started\r\n") },
            { "Latin-1 (invalid UTF-8 within the first 64 KiB)", Encoding.Latin1.GetBytes("Benutzer Müller angemeldet\n") },
        };
    }

    [Theory]
    [MemberData(nameof(NotText))]
    public void Content_that_is_not_utf8_text_is_still_unknown_format(string what, byte[] bytes)
    {
        var reading = Reading.Of(_temp.File("app.log", bytes));

        Assert.True(reading.Events.Count == 0, what);
        Assert.Equal(["unknown-format@"], reading.ProblemKeys);
    }

    [Theory]
    [InlineData("{\"n\":1}\n{\"n\":2}\n", "n", "1")]
    [InlineData("[{\"n\":1}]", "n", "1")]
    [InlineData("Name,Id\napp,1\n", "Name", "app")]
    public void Json_and_csv_with_a_log_extension_are_still_json_and_csv(string text, string field, string value)
    {
        var reading = Reading.Of(_temp.File("events.log", text));

        Assert.Empty(reading.Problems);
        Assert.Equal(value, reading.Events[0].Get(field));
        Assert.Null(reading.Events[0].Get("message"));
    }

    [Fact]
    public void A_csv_name_still_makes_any_text_csv()
    {
        var reading = Reading.Of(_temp.File("events.csv", "just one line of text\nanother line\n"));

        Assert.Empty(reading.Problems);
        Assert.Equal("another line", reading.Events.Single().Get("just one line of text"));
    }
}
