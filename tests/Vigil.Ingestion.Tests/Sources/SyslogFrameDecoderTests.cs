using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Vigil.Ingestion.Sources;

namespace Vigil.Ingestion.Tests.Sources;

public sealed class SyslogFrameDecoderTests
{
    // Feeds the stream in chunks of every size from 1 byte up, so frames split across reads at every position.
    private static List<string> DecodeAll(byte[] stream, int chunk, int max, out List<SyslogFrameStatus> statuses)
    {
        var decoder = new SyslogFrameDecoder(max);
        var frames = new List<string>();
        statuses = [];
        var pending = new List<byte>();
        for (var offset = 0; offset < stream.Length || offset == 0; offset += chunk)
        {
            pending.AddRange(stream.Skip(offset).Take(chunk));
            var completed = offset + chunk >= stream.Length;
            var buffer = new ReadOnlySequence<byte>([.. pending]);
            SyslogFrameStatus status;
            while ((status = decoder.Decode(ref buffer, completed, out var frame)) != SyslogFrameStatus.NeedMoreData)
            {
                statuses.Add(status);
                if (status == SyslogFrameStatus.Frame)
                {
                    frames.Add(Encoding.UTF8.GetString(frame.ToArray()));
                }

                if (status == SyslogFrameStatus.Invalid)
                {
                    return frames;
                }
            }

            pending = [.. buffer.ToArray()];
            if (completed)
            {
                break;
            }
        }

        return frames;
    }

    public static TheoryData<string, string[], string[]> Streams => new()
    {
        { "11 <13>1 - - a8 <13>hi b", ["<13>1 - - a", "<13>hi b"], ["Frame", "Frame"] },
        { "3 abc\n3 def\r\n", ["abc", "def"], ["Frame", "Frame"] },
        { "<13>one\n<13>two\r\n\n<13>three\0<13>four", ["<13>one", "<13>two", "<13>three", "<13>four"], ["Frame", "Frame", "Frame", "Frame"] },
        { "<13>ok\n<13>" + new string('x', 40) + "\n<13>after", ["<13>ok", "<13>after"], ["Frame", "Oversized", "Frame"] },
        { "3 abc50 " + new string('y', 50) + "2 ok", ["abc", "ok"], ["Frame", "Oversized", "Frame"] },
        { "3 abc12 trunc", ["abc"], ["Frame", "Truncated"] },
        { "3 abcX", ["abc"], ["Frame", "Invalid"] },
        { "3 abc0 x", ["abc"], ["Frame", "Invalid"] },
        { "1234567890 x", [], ["Invalid"] },
    };

    [Theory]
    [MemberData(nameof(Streams))]
    public void Frames_split_correctly_whatever_the_read_sizes(string stream, string[] frames, string[] statuses)
    {
        var bytes = Encoding.UTF8.GetBytes(stream);
        foreach (var chunk in new[] { 1, 2, 3, 7, bytes.Length })
        {
            var got = DecodeAll(bytes, chunk, max: 32, out var gotStatuses);

            Assert.Equal(frames, got);
            Assert.Equal(statuses, gotStatuses.Select(s => s.ToString()));
        }
    }

    [Theory]
    [InlineData("5 hello", SyslogFraming.OctetCounting)]
    [InlineData("<13>hello\n", SyslogFraming.NonTransparent)]
    public void The_framing_is_decided_by_the_first_byte(string stream, SyslogFraming framing)
    {
        var decoder = new SyslogFrameDecoder();
        var buffer = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(stream));

        Assert.Equal(SyslogFrameStatus.Frame, decoder.Decode(ref buffer, isCompleted: false, out _));
        Assert.Equal(framing, decoder.Framing);
    }

    [Fact]
    public async Task Frames_decode_from_a_pipe_and_parse()
    {
        var pipe = new Pipe();
        var writing = Task.Run(async () =>
        {
            foreach (var part in new[] { "<34>Oct 11 22:14:15 mymachine su: 'su root' failed\n<165>1 2003-10-11T22:14:15.003Z h", "ost app - - - hi\n" })
            {
                await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes(part));
            }

            await pipe.Writer.CompleteAsync();
        });

        var decoder = new SyslogFrameDecoder();
        var hosts = new List<string?>();
        while (true)
        {
            var result = await pipe.Reader.ReadAsync();
            var buffer = result.Buffer;
            while (decoder.Decode(ref buffer, result.IsCompleted, out var frame) == SyslogFrameStatus.Frame)
            {
                var parsed = SyslogParser.Parse(frame.ToArray(), DateTimeOffset.UnixEpoch);
                hosts.Add(parsed.Event?.Get("syslog.hostname"));
            }

            pipe.Reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                break;
            }
        }

        await writing;
        Assert.Equal(["mymachine", "host"], hosts);
    }
}
