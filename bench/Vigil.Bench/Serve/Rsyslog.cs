using System.Diagnostics;

namespace Vigil.Bench.Serve;

/// <summary>Debian's rsyslogd receiving syslog over TCP and writing each message to a file: the reference for what this machine can do.</summary>
internal sealed class Rsyslog : IDisposable
{
    private readonly Process _process;
    private readonly byte[] _buffer = new byte[1 << 20];
    private long _position;
    private long _lines;

    private Rsyslog(Process process, string output)
    {
        _process = process;
        Output = output;
    }

    public string Output { get; }

    public static Rsyslog Start(string folder, int port)
    {
        // A fresh folder each run: rsyslog appends, and lines left by an earlier run would count as written by this one.
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var output = Path.Combine(folder, "messages.log");
        var config = Path.Combine(folder, "rsyslog.conf");
        File.WriteAllText(config, $$"""
            global(workDirectory="{{folder}}")
            module(load="imtcp" MaxSessions="64")
            input(type="imtcp" port="{{port}}" address="127.0.0.1")
            template(name="raw" type="string" string="%rawmsg%\n")
            action(type="omfile" file="{{output}}" template="raw" asyncWriting="on" ioBufferSize="256k" flushInterval="1")
            """);
        var start = new ProcessStartInfo("rsyslogd", ["-n", "-f", config, "-i", Path.Combine(folder, "rsyslogd.pid")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("rsyslogd did not start");
        return new Rsyslog(process, output);
    }

    /// <summary>
    /// Lines written so far. Reads only what was appended since the last call: re-reading the whole file at every poll
    /// took processor time from rsyslogd on two cores and made the reference look slower than it is.
    /// </summary>
    public long LinesWritten()
    {
        if (!File.Exists(Output))
        {
            return 0;
        }

        using var file = new FileStream(Output, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        file.Position = _position;
        int read;
        while ((read = file.Read(_buffer)) > 0)
        {
            _lines += _buffer.AsSpan(0, read).Count((byte)'\n');
            _position += read;
        }

        return _lines;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
