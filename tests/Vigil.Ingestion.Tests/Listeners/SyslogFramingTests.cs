using System.Text;
using Vigil.Ingestion.Listeners;

namespace Vigil.Ingestion.Tests.Listeners;

public sealed class SyslogFramingTests
{
    // Input stream (\n escapes), then the messages and rejections expected, in order; "!reason" is a rejection.
    public static TheoryData<string, string[]> Streams => new()
    {
        { "<13>one\n<13>two\n", ["<13>one", "<13>two"] },
        { "<13>crlf\r\n<13>nul\0", ["<13>crlf", "<13>nul"] },
        { "\n\r\n\0<13>after blanks\n", ["<13>after blanks"] },
        { "7 <13>abc8 <13>abcd", ["<13>abc", "<13>abcd"] },
        { "4 <1>\n\n<13>lf\n", ["<1>\n", "<13>lf"] },
        { "3 <1>5 <13>x\n", ["<1>", "<13>x"] },
        { "2024-01-01 no pri\n", ["2024-01-01 no pri"] },
        { "12345678901 x\n", ["12345678901 x"] },
        { "<13>last without newline", ["<13>last without newline"] },
        { "30 <13>way too long for the limit<13>ok\n", ["!oversized", "<13>ok"] },
        { "<13>this line is far too long\n<13>ok\n", ["!oversized", "<13>ok"] },
        { "20 <13>cut", ["!truncated"] },
    };

    [Theory]
    [MemberData(nameof(Streams))]
    public void Frames_split_whole_stream(string stream, string[] expected) =>
        Assert.Equal(expected, Split(Encoding.UTF8.GetBytes(stream), chunk: int.MaxValue));

    [Theory]
    [MemberData(nameof(Streams))]
    public void Frames_split_the_same_when_bytes_arrive_one_at_a_time(string stream, string[] expected) =>
        Assert.Equal(expected, Split(Encoding.UTF8.GetBytes(stream), chunk: 1));

    [Fact]
    public void Oversized_line_without_newline_is_skipped_up_to_its_newline()
    {
        var stream = Encoding.UTF8.GetBytes(new string('x', 100) + "\n<13>ok\n");
        Assert.Equal(["!oversized", "<13>ok"], Split(stream, chunk: 7));
    }

    // Feeds the stream through a buffer of the minimum size, `chunk` bytes per read, like the TCP connection does.
    private static List<string> Split(byte[] stream, int chunk)
    {
        var framing = new SyslogFraming(maxMessageSize: 24);
        var buffer = new byte[framing.MinimumBufferSize];
        var results = new List<string>();
        int start = 0, end = 0, offered = 0;
        var endOfStream = false;
        while (true)
        {
            Frame frame;
            do
            {
                frame = framing.Next(buffer.AsSpan(start, end - start), endOfStream);
                if (frame.Status == FrameStatus.Message)
                {
                    results.Add(Encoding.UTF8.GetString(buffer, start + frame.Start, frame.Length));
                }
                else if (frame.Status == FrameStatus.Rejected)
                {
                    results.Add("!" + frame.Reason);
                }

                start += frame.Consumed;
            }
            while (frame.Status != FrameStatus.NeedMoreData);

            if (endOfStream)
            {
                return results;
            }

            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            start = 0;
            var n = Math.Min(Math.Min(chunk, buffer.Length - end), stream.Length - offered);
            Assert.True(n > 0 || offered == stream.Length, "the buffer filled up without a frame");
            stream.AsSpan(offered, n).CopyTo(buffer.AsSpan(end));
            offered += n;
            end += n;
            endOfStream = n == 0;
        }
    }
}
