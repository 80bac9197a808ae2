using System.Net.Sockets;
using System.Text;
using Vigil.Ingestion.Listeners;

namespace Vigil.Ingestion.Tests.Listeners;

public sealed class SyslogUdpListenerTests
{
    [Theory]
    [InlineData("--rfc5424", "<13>1 ")]
    [InlineData("--rfc3164", "<13>")]
    public async Task Logger_datagrams_arrive_as_messages(string format, string prefix)
    {
        var sink = new CollectingSink();
        await using var listener = await StartAsync(new SyslogUdpListenerOptions { Port = 0 }, sink);

        await Logger.SendAsync(listener.Port, "--udp", format, "-t", "vigiltest", "over udp");

        await Eventually.True(() => sink.Count == 1, "one message");
        var message = sink.Messages[0];
        Assert.StartsWith(prefix, sink.Texts[0], StringComparison.Ordinal);
        Assert.EndsWith(" over udp", sink.Texts[0], StringComparison.Ordinal);
        Assert.Equal("syslog-udp", message.Listener);
        Assert.StartsWith("127.0.0.1:", message.Peer, StringComparison.Ordinal);
        // Counted once the sink has taken the message, just after the sink saw it.
        await Eventually.True(() => listener.Statistics.Received == 1, "one message counted");
    }

    [Fact]
    public async Task A_full_queue_drops_and_counts_instead_of_blocking()
    {
        var sink = new CollectingSink();
        sink.Close();
        await using var listener = await StartAsync(new SyslogUdpListenerOptions { Port = 0, QueueCapacity = 2 }, sink);
        using var client = new UdpClient();

        await client.SendAsync("<13>first\n"u8.ToArray(), new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, listener.Port));
        await Eventually.True(() => sink.Waiting == 1, "the sink to hold the first message");
        for (var i = 0; i < 10; i++)
        {
            await client.SendAsync(Encoding.ASCII.GetBytes($"<13>m{i}"), new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, listener.Port));
        }

        await Eventually.True(() => listener.Statistics is { Dropped: 8, Pending: 2 }, "8 drops and 2 queued");
        sink.Release();
        await Eventually.True(() => sink.Count == 3, "the held and the queued messages");
        Assert.Equal(["<13>first", "<13>m0", "<13>m1"], sink.Texts);
        await Eventually.True(() => listener.Statistics.Received == 3, "three messages counted");
        Assert.Equal(0, listener.Statistics.Pending);
    }

    [Fact]
    public async Task Oversized_and_empty_datagrams_are_counted_and_skipped()
    {
        var sink = new CollectingSink();
        await using var listener = await StartAsync(new SyslogUdpListenerOptions { Port = 0, MaxMessageSize = 16 }, sink);
        using var client = new UdpClient();
        var to = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, listener.Port);

        await client.SendAsync(new byte[100], to);
        await client.SendAsync("\r\n"u8.ToArray(), to);
        await client.SendAsync("<13>exactly 16 b\n"u8.ToArray(), to);

        await Eventually.True(() => sink.Count == 1, "the good datagram");
        Assert.Equal(["<13>exactly 16 b"], sink.Texts);
        Assert.Equal(1, listener.Statistics.Rejected[RejectReasons.Oversized]);
        Assert.Equal(1, listener.Statistics.Rejected[RejectReasons.Empty]);
    }

    private static async Task<SyslogUdpListener> StartAsync(SyslogUdpListenerOptions options, IMessageSink sink)
    {
        var listener = new SyslogUdpListener(options, sink);
        await listener.StartAsync(CancellationToken.None);
        Assert.NotEqual(0, listener.Port);
        return listener;
    }
}
