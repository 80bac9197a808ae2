using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Vigil.Ingestion.Listeners;
using Vigil.Monitoring;
using Vigil.Monitoring.Ingest;

namespace Vigil.Cli.Serve;

/// <summary>The syslog listeners and file tailers the settings ask for, started and stopped together.</summary>
internal sealed class ServeListeners : IAsyncDisposable
{
    private readonly List<SyslogUdpListener> _udp = [];
    private readonly List<SyslogTcpListener> _tcp = [];
    private readonly List<FileTailer> _tailers = [];
    private readonly List<Task> _tailing = [];
    private readonly CancellationTokenSource _stopping = new();

    public List<Func<ListenerStatistics>> Statistics { get; } = [];

    public List<string> Describe { get; } = [];

    /// <summary>Builds and starts the listeners; an error names the listener and the reason.</summary>
    public async Task<string?> StartAsync(ServeSettings settings, MonitoringService monitoring, CancellationToken cancellationToken)
    {
        var sink = new MessageIngest(monitoring);
        var syslog = settings.Syslog;
        try
        {
            if (syslog.Udp is { Length: > 0 } udp)
            {
                var endpoint = IPEndPoint.Parse(udp);
                var listener = new SyslogUdpListener(new SyslogUdpListenerOptions { BindAddress = endpoint.Address, Port = endpoint.Port, MaxMessageSize = syslog.MaxMessageBytes }, sink, TimeProvider.System);
                _udp.Add(listener);
                await listener.StartAsync(cancellationToken).ConfigureAwait(false);
                Statistics.Add(() => listener.Statistics);
                Describe.Add($"syslog udp {udp}");
            }

            if (syslog.Tcp is { Length: > 0 } tcp)
            {
                await StartTcpAsync(tcp, "syslog-tcp", null, syslog, sink, cancellationToken).ConfigureAwait(false);
            }

            if (syslog.Tls is { Length: > 0 } tls && syslog.Certificate is { } certificate)
            {
                await StartTcpAsync(tls, "syslog-tls", LoadCertificate(certificate, syslog.CertificatePassword), syslog, sink, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (System.Net.Sockets.SocketException e)
        {
            return $"syslog: cannot listen ({e.SocketErrorCode}: {e.Message})";
        }
        catch (CryptographicException e)
        {
            return $"syslog:certificate: {syslog.Certificate}: cannot load ({e.Message})";
        }

        var positions = new StoredFilePositions(monitoring.Store.State);
        for (var i = 0; i < settings.Files.Count; i++)
        {
            var file = settings.Files[i];
            var tailer = new FileTailer(new FileTailerOptions { Name = $"file-{i}", Paths = [file.Path] }, new MessageIngest(monitoring, file.SourceType), positions, TimeProvider.System);
            _tailers.Add(tailer);
            Statistics.Add(() => tailer.Statistics);
            _tailing.Add(Task.Run(() => tailer.RunAsync(_stopping.Token), CancellationToken.None));
            Describe.Add($"file {file.Path}");
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var task in _tailing)
        {
            await task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        foreach (var tailer in _tailers)
        {
            await tailer.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var listener in _tcp)
        {
            await listener.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var listener in _udp)
        {
            await listener.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private async Task StartTcpAsync(string address, string name, X509Certificate2? certificate, SyslogSettings syslog, MessageIngest sink, CancellationToken cancellationToken)
    {
        var endpoint = IPEndPoint.Parse(address);
        var listener = new SyslogTcpListener(new SyslogTcpListenerOptions
        {
            Name = name,
            BindAddress = endpoint.Address,
            Port = endpoint.Port,
            MaxMessageSize = syslog.MaxMessageBytes,
            Certificate = certificate,
        }, sink, TimeProvider.System);
        _tcp.Add(listener);
        await listener.StartAsync(cancellationToken).ConfigureAwait(false);
        Statistics.Add(() => listener.Statistics);
        Describe.Add($"syslog {(certificate is null ? "tcp" : "tls")} {address}");
    }

    private static X509Certificate2 LoadCertificate(string path, string? password) =>
        path.EndsWith(".pem", StringComparison.OrdinalIgnoreCase)
            ? X509Certificate2.CreateFromPemFile(path)
            : X509CertificateLoader.LoadPkcs12FromFile(path, password);
}
