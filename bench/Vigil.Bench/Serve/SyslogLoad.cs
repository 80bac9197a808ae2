using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Vigil.Bench.Serve;

/// <summary>Generates syslog traffic like a small mail server's (postfix, dovecot, sshd, sudo, cron) and sends it over TCP.</summary>
internal static class SyslogLoad
{
    private static readonly string[] Templates =
    [
        "mail postfix/smtpd[{0}]: connect from unknown[203.0.113.{1}]",
        "mail postfix/smtpd[{0}]: {2:X10}: client=unknown[203.0.113.{1}], sasl_method=LOGIN, sasl_username=user{1}@clinic.example",
        "mail postfix/cleanup[{0}]: {2:X10}: message-id=<{2}@clinic.example>",
        "mail postfix/qmgr[{0}]: {2:X10}: from=<user{1}@clinic.example>, size={3}, nrcpt=1 (queue active)",
        "mail postfix/smtp[{0}]: {2:X10}: to=<patient{3}@example.net>, relay=mx.example.net[198.51.100.{1}]:25, delay=0.4, dsn=2.0.0, status=sent (250 ok)",
        "mail postfix/smtpd[{0}]: warning: unknown[203.0.113.{1}]: SASL LOGIN authentication failed: authentication failure",
        "mail dovecot: imap-login: Login: user=<user{1}@clinic.example>, method=PLAIN, rip=192.0.2.{1}, lip=10.0.0.5, mpid={0}, TLS",
        "mail dovecot: auth: pam(user{1},192.0.2.{1}): pam_authenticate() failed: Authentication failure",
        "gw sshd[{0}]: Accepted publickey for admin from 192.0.2.{1} port {3} ssh2",
        "gw sshd[{0}]: Failed password for invalid user test{1} from 198.51.100.{1} port {3} ssh2",
        "gw sudo[{0}]:    admin : TTY=pts/0 ; PWD=/home/admin ; USER=root ; COMMAND=/usr/bin/apt-get update",
        "gw CRON[{0}]: (root) CMD (test -x /usr/sbin/anacron || ( cd / && run-parts --report /etc/cron.daily ))",
    ];

    /// <summary>One RFC 3164 line (no trailing newline), deterministic for <paramref name="i"/>.</summary>
    public static string Message(long i, DateTimeOffset time)
    {
        var template = Templates[i % Templates.Length];
        var body = string.Format(CultureInfo.InvariantCulture, template, 1000 + (i % 30000), 1 + (i % 250), 0x3A000000 + i, 1024 + (i % 60000));
        return string.Create(CultureInfo.InvariantCulture, $"<22>{time:MMM dd HH:mm:ss} {body}");
    }

    /// <summary>The messages <c>[first, first + count)</c> as newline-framed bytes.</summary>
    public static byte[] Frames(long first, int count, DateTimeOffset time)
    {
        var text = new StringBuilder(count * 120);
        for (var i = first; i < first + count; i++)
        {
            text.Append(Message(i, time)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Sends <paramref name="total"/> messages as fast as the receiver takes them, on one connection.</summary>
    public static async Task SendAsync(int port, long total, DateTimeOffset time)
    {
        using var client = new TcpClient();
        client.NoDelay = false;
        await client.ConnectAsync("127.0.0.1", port).ConfigureAwait(false);
        var stream = client.GetStream();
        const int Chunk = 2000;
        for (long sent = 0; sent < total; sent += Chunk)
        {
            var count = (int)Math.Min(Chunk, total - sent);
            await stream.WriteAsync(Frames(sent, count, time)).ConfigureAwait(false);
        }

        await stream.FlushAsync().ConfigureAwait(false);
        client.Client.Shutdown(SocketShutdown.Send);
    }
}
