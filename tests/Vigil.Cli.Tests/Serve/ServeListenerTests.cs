using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Vigil.Cli.Tests.Serve;

public sealed class ServeListenerTests
{
    [Fact]
    public async Task Syslog_from_logger_over_tcp_and_udp_is_stored_with_its_fields()
    {
        using var fixture = new ServeFixture();
        using var serve = ServeProcess.Start(fixture.ConfigPath);
        var udpPort = int.Parse(File.ReadAllText(fixture.ConfigPath).Split("udp: 127.0.0.1:")[1].Split('\n')[0].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Logger("--tcp", "--rfc5424", "--port", serve.SyslogPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--tag", "postfix/smtpd", "warning: unknown[203.0.113.9]: SASL LOGIN authentication failed: authentication failure");
        Logger("--udp", "--rfc3164", "--port", udpPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--tag", "dovecot", "imap-login: Login: user=<alice@clinic.example>, method=PLAIN, rip=192.0.2.44, lip=10.0.0.5, mpid=1234, TLS");

        var postfix = await WaitForEventsAsync(fixture, 1, "--source-type", "postfix");
        Assert.Equal("postfix/smtpd", Field(postfix[0], "syslog.appname"));
        Assert.StartsWith("syslog-tcp:", postfix[0].GetProperty("origin").GetString(), StringComparison.Ordinal);
        var dovecot = await WaitForEventsAsync(fixture, 1, "--source-type", "dovecot");
        Assert.Contains("alice@clinic.example", dovecot[0].GetProperty("event").ToString(), StringComparison.Ordinal);
        Assert.StartsWith("syslog-udp:", dovecot[0].GetProperty("origin").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_syslog_is_quarantined_with_a_reason_and_the_connection_goes_on()
    {
        using var fixture = new ServeFixture();
        using var serve = ServeProcess.Start(fixture.ConfigPath);
        using (var client = new TcpClient())
        {
            await client.ConnectAsync("127.0.0.1", serve.SyslogPort);
            await client.GetStream().WriteAsync(Encoding.UTF8.GetBytes("<999>not a priority\n<13>Nov 28 10:00:00 host app: fine\n"));
        }

        await WaitForEventsAsync(fixture, 1, "--field", "syslog.appname=app");
        var (exit, stdout, stderr) = VigilProcess.Run("quarantine", "list", "--config", fixture.ConfigPath);
        Assert.True(exit == 0, stderr);
        Assert.Contains("PRI", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("not a priority", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_watched_file_is_ingested_as_it_grows_and_nothing_is_read_twice_after_a_restart()
    {
        using var folder = new TempFolder();
        var log = Path.Combine(folder.Path, "mail.log");
        File.WriteAllText(log, "Nov 28 10:00:00 mail postfix/smtpd[1]: connect from unknown[203.0.113.1]\n");
        using var fixture = new ServeFixture(extraConfig: $"files:\n  - path: {log}\n");
        using (var serve = ServeProcess.Start(fixture.ConfigPath))
        {
            await WaitForEventsAsync(fixture, 1, "--source-type", "postfix");
            File.AppendAllText(log, "Nov 28 10:00:01 mail postfix/smtpd[1]: disconnect from unknown[203.0.113.1]\n");
            await WaitForEventsAsync(fixture, 2, "--source-type", "postfix");
            Assert.Equal(0, serve.Stop());
        }

        File.AppendAllText(log, "Nov 28 10:00:02 mail postfix/smtpd[2]: connect from unknown[203.0.113.2]\n");
        using (ServeProcess.Start(fixture.ConfigPath))
        {
            await WaitForEventsAsync(fixture, 3, "--source-type", "postfix");
            await Task.Delay(1500);
            Assert.Equal(3, Events(fixture, "--source-type", "postfix").Count);
        }
    }

    private static void Logger(params string[] args)
    {
        using var logger = Process.Start("logger", ["--server", "127.0.0.1", .. args])!;
        Assert.True(logger.WaitForExit(TimeSpan.FromSeconds(10)), "logger did not finish");
        Assert.Equal(0, logger.ExitCode);
    }

    private static string? Field(JsonElement e, string name) => e.GetProperty("event").TryGetProperty(name, out var value) ? value.GetString() : null;

    private static List<JsonElement> Events(ServeFixture fixture, params string[] filters)
    {
        var (exit, stdout, stderr) = VigilProcess.Run(["events", "search", "--config", fixture.ConfigPath, "--format", "jsonl", .. filters]);
        Assert.True(exit == 0, stderr);
        return [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(static l => JsonDocument.Parse(l).RootElement.Clone())];
    }

    private static async Task<List<JsonElement>> WaitForEventsAsync(ServeFixture fixture, int count, params string[] filters)
    {
        for (var i = 0; i < 100; i++)
        {
            var events = Events(fixture, filters);
            if (events.Count >= count)
            {
                return events;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"fewer than {count} events matched {string.Join(' ', filters)} within 10 s");
        return [];
    }
}
