using System.Net.Sockets;
using System.Text;
using Vigil.Diagnostics;
using Vigil.Ingestion.Listeners;

namespace Vigil.Ingestion.Tests.Listeners;

public sealed class SyslogTcpListenerTests
{
    [Theory]
    [InlineData("--rfc5424", "--octet-count", "<13>1 ")]
    [InlineData("--rfc5424", "", "<13>1 ")]
    [InlineData("--rfc3164", "", "<13>")]
    public async Task Logger_messages_arrive_whole_with_either_framing(string format, string framing, string prefix)
    {
        var sink = new CollectingSink();
        await using var listener = await StartAsync(new SyslogTcpListenerOptions { Port = 0 }, sink);
        string[] arguments = framing.Length == 0 ? ["--tcp", format] : ["--tcp", format, framing]; // LF unless octet counting

        await Logger.SendAsync(listener.Port, [.. arguments, "-t", "vigiltest", "first message"]);
        await Eventually.True(() => sink.Count == 1, "the first message"); // Two connections have no order between them.
        await Logger.SendAsync(listener.Port, [.. arguments, "-t", "vigiltest", "second message"]);

        await Eventually.True(() => sink.Count == 2, "two messages");
        Assert.All(sink.Texts, t => Assert.StartsWith(prefix, t, StringComparison.Ordinal));
        Assert.All(sink.Texts, t => Assert.Contains(" vigiltest", t, StringComparison.Ordinal));
        Assert.EndsWith(" first message", sink.Texts[0], StringComparison.Ordinal);
        Assert.EndsWith(" second message", sink.Texts[1], StringComparison.Ordinal);
        Assert.All(sink.Messages, m => Assert.Equal("syslog-tcp", m.Listener));
        Assert.All(sink.Messages, m => Assert.StartsWith("127.0.0.1:", m.Peer, StringComparison.Ordinal));
        // Counted once the sink has taken the message, just after the sink saw it.
        await Eventually.True(() => listener.Statistics.Received == 2, "two messages counted");
    }

    [Fact]
    public async Task Oversized_and_truncated_frames_are_counted_and_the_connection_survives()
    {
        var sink = new CollectingSink();
        var problems = new ProblemLog();
        await using var listener = await StartAsync(new SyslogTcpListenerOptions { Port = 0, MaxMessageSize = 32 }, sink, problems);

        await SendAsync(listener.Port, "100 " + new string('a', 100) + "6 <13>ok" + new string('b', 50) + "\n<13>fine\n30 <13>cut");

        await Eventually.True(() => listener.Statistics.Rejected.Values.Sum() == 3, "three rejections");
        Assert.Equal(["<13>ok", "<13>fine"], sink.Texts);
        Assert.Equal(2, listener.Statistics.Rejected[RejectReasons.Oversized]);
        Assert.Equal(1, listener.Statistics.Rejected[RejectReasons.Truncated]);
        Assert.All(problems.Problems, p => Assert.DoesNotContain("aaa", p.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_slow_sink_slows_the_sender_and_nothing_is_dropped()
    {
        var sink = new CollectingSink();
        sink.Close();
        await using var listener = await StartAsync(new SyslogTcpListenerOptions { Port = 0 }, sink);
        var frame = Encoding.ASCII.GetBytes("<13>" + new string('x', 1019) + "\n");
        const int Count = 32 * 1024; // 32 MiB: more than the kernel buffers on both sides hold.
        long written = 0;
        using var client = new TcpClient { SendBufferSize = 8192 };
        await client.ConnectAsync("127.0.0.1", listener.Port);
        var stream = client.GetStream();
        var sender = Task.Run(async () =>
        {
            for (var i = 0; i < Count; i++)
            {
                await stream.WriteAsync(frame);
                Interlocked.Add(ref written, frame.Length);
            }
        });

        await Eventually.True(() => sink.Waiting == 1, "the sink to hold the first message");
        long before;
        do
        {
            before = Interlocked.Read(ref written);
            await Task.Delay(50);
        }
        while (Interlocked.Read(ref written) != before);

        Assert.False(sender.IsCompleted, "the sender should be blocked by TCP flow control");
        Assert.True(before < (long)Count * frame.Length);

        sink.Release();
        await sender.WaitAsync(TimeSpan.FromSeconds(20));
        client.Close();
        await Eventually.True(() => sink.Count == Count, $"{Count} messages", timeoutMs: 20_000);
        Assert.Equal(0, listener.Statistics.Dropped);
        await Eventually.True(() => listener.Statistics.Received == Count, "every message counted");
    }

    [Fact]
    public async Task The_messages_of_one_read_reach_the_sink_together_and_in_order()
    {
        var sink = new BatchSink();
        await using var listener = await StartAsync(new SyslogTcpListenerOptions { Port = 0 }, sink);
        var texts = Enumerable.Range(0, 2000).Select(i => $"<13>message {i} " + new string('x', i % 70)).ToList();

        await SendAsync(listener.Port, string.Concat(texts.Select((t, i) => i % 2 == 0 ? t + "\n" : $"{t.Length} {t}")));

        await Eventually.True(() => sink.Texts.Count == texts.Count, "every message");
        Assert.Equal(texts, sink.Texts);
        Assert.True(sink.Batches.Max() > 1, "the frames of a read are one hand-over");
        // The listener counts a hand-over once the sink has taken it, just after the sink saw its messages.
        await Eventually.True(() => listener.Statistics.Received == texts.Count, "every message counted");
    }

    [Fact]
    public async Task Connections_over_the_limit_are_refused_and_counted()
    {
        var sink = new CollectingSink();
        await using var listener = await StartAsync(new SyslogTcpListenerOptions { Port = 0, MaxConnections = 1 }, sink);
        using var first = new TcpClient();
        await first.ConnectAsync("127.0.0.1", listener.Port);
        await Eventually.True(() => listener.Statistics.ActiveConnections == 1, "one open connection");

        using var second = new TcpClient();
        await second.ConnectAsync("127.0.0.1", listener.Port);
        await Eventually.True(() => listener.Statistics.Rejected.GetValueOrDefault(RejectReasons.ConnectionLimit) == 1, "a refused connection");

        await first.GetStream().WriteAsync("<13>still served\n"u8.ToArray());
        await Eventually.True(() => sink.Count == 1, "the first connection's message");
    }

    [Fact]
    public async Task A_failing_sink_closes_the_connection_counts_a_drop_and_the_listener_goes_on()
    {
        var sink = new CollectingSink { Failure = new InvalidOperationException("storage down") };
        await using var listener = await StartAsync(new SyslogTcpListenerOptions { Port = 0 }, sink);

        await SendAsync(listener.Port, "<13>lost\n");
        await Eventually.True(() => listener.Statistics.Dropped == 1 && listener.Statistics.ActiveConnections == 0, "a drop");

        sink.Failure = null;
        await SendAsync(listener.Port, "<13>kept\n");
        await Eventually.True(() => sink.Count == 1, "the next connection's message");
        Assert.Equal(["<13>kept"], sink.Texts);
    }

    [Fact]
    public async Task Stopping_with_a_blocked_sink_cancels_it_and_returns()
    {
        var sink = new CollectingSink();
        sink.Close();
        var listener = await StartAsync(new SyslogTcpListenerOptions { Port = 0 }, sink);
        await SendAsync(listener.Port, "<13>held\n");
        await Eventually.True(() => sink.Waiting == 1, "the sink to hold the message");

        await listener.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        await listener.DisposeAsync();

        Assert.Equal(0, listener.Statistics.ActiveConnections);
        Assert.Equal(0, sink.Count);
    }

    internal static async Task<SyslogTcpListener> StartAsync(SyslogTcpListenerOptions options, IMessageSink sink, IProblemSink? problems = null)
    {
        var listener = new SyslogTcpListener(options, sink, TimeProvider.System, problems);
        await listener.StartAsync(CancellationToken.None);
        Assert.NotEqual(0, listener.Port);
        return listener;
    }

    private static async Task SendAsync(int port, string text)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes(text));
    }
}
