using Microsoft.Extensions.Time.Testing;
using Vigil.Monitoring.Delivery;

namespace Vigil.Monitoring.Tests.Delivery;

/// <summary>A dispatcher over in-memory outbox and alerts, running on a fake clock until disposed.</summary>
internal sealed class DispatcherFixture : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _running;

    public DispatcherFixture(DeliveryOptions? options = null)
    {
        Options = options ?? new DeliveryOptions { JitterFraction = 0 };
        Outbox = new InMemoryOutbox(Time);
    }

    public FakeTimeProvider Time { get; } = FakeTime.Create();

    public DeliveryOptions Options { get; }

    public InMemoryOutbox Outbox { get; }

    public InMemoryAlertStore Alerts { get; } = new();

    public CollectingLogger<NotificationDispatcher> Logger { get; } = new();

    public NotificationDispatcher? Dispatcher { get; private set; }

    /// <summary>Stores alert <paramref name="id"/> and queues notification <paramref name="id"/> of it on <paramref name="channel"/>.</summary>
    public void Queue(long id, string channel)
    {
        Alerts.Add(TestAlerts.Create(id, Time.GetUtcNow()));
        Outbox.Add(id, id, channel);
    }

    public void Start(params IAlertChannel[] channels)
    {
        Dispatcher = new NotificationDispatcher(Outbox, Alerts, channels, Options, Time, Logger);
        _running = Dispatcher.RunAsync(_stop.Token);
    }

    /// <summary>Moves the fake clock on by a second at a time until <paramref name="condition"/> holds.</summary>
    public Task AdvanceUntilAsync(Func<bool> condition, string what) =>
        Eventually.TrueAsync(condition, what, () => Time.Advance(TimeSpan.FromSeconds(1)));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null)
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(5));
        }

        _stop.Dispose();
    }
}
