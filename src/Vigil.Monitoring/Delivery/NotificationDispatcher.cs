using Microsoft.Extensions.Logging;
using Vigil.Storage.Alerts;
using Vigil.Storage.Notifications;

namespace Vigil.Monitoring.Delivery;

/// <summary>Delivers queued alert notifications: polls the outbox, sends each on its channel, records the outcome.</summary>
/// <remarks>
/// <para>Each channel has its own queue and senders (<see cref="DeliveryOptions.MaxConcurrencyPerChannel"/>), so a
/// slow or failing channel never delays another. The dispatcher talks only to the outbox and the alert store, never to
/// ingestion, so delivery can never slow ingestion down.</para>
/// <para>A failed attempt is retried after <see cref="DeliveryOptions.InitialBackoff"/> doubled per failure, capped at
/// <see cref="DeliveryOptions.MaxBackoff"/>, with jitter; it is given up after <see cref="DeliveryOptions.MaxAttempts"/>
/// attempts, when the alert is older than <see cref="DeliveryOptions.MaxAge"/>, when the channel says retrying cannot
/// help, or at once when the notification names no configured channel. Failure reasons name the failure type, never
/// the alert's content. Delivery is at least once: a crash between sending and recording sends again.</para>
/// <para>Run <see cref="RunAsync"/> once; <see cref="Snapshot"/> is thread-safe.</para>
/// </remarks>
public sealed class NotificationDispatcher
{
    /// <summary>The counters' key for notifications naming no configured channel.</summary>
    public const string UnknownChannel = "(unknown)";

    private readonly INotificationOutbox _outbox;
    private readonly DeliveryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<NotificationDispatcher> _logger;
    private readonly NotificationAttempt _attempt;
    private readonly Dictionary<string, ChannelLane> _lanes;
    private readonly ChannelCounters _unknown = new();

    /// <summary>Creates the dispatcher.</summary>
    /// <param name="outbox">The notification outbox.</param>
    /// <param name="alerts">Where alerts are loaded from.</param>
    /// <param name="channels">The configured channels; names must be distinct.</param>
    /// <param name="options">Polling and retry settings (validate them at start-up with <see cref="DeliveryOptions.Validate"/>).</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="logger">The log (ids, counts and failure reasons only).</param>
    public NotificationDispatcher(
        INotificationOutbox outbox,
        IAlertStore alerts,
        IEnumerable<IAlertChannel> channels,
        DeliveryOptions options,
        TimeProvider timeProvider,
        ILogger<NotificationDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(options));
        }

        _outbox = outbox;
        _options = options;
        _time = timeProvider;
        _logger = logger;
        _attempt = new NotificationAttempt(outbox, alerts, options, new RetryPolicy(options, Random.Shared.NextDouble), timeProvider, logger);
        _lanes = new Dictionary<string, ChannelLane>(StringComparer.Ordinal);
        foreach (var channel in channels)
        {
            if (!_lanes.TryAdd(channel.Name, new ChannelLane(channel, options.MaxConcurrencyPerChannel, options.MaxQueuedPerChannel, _attempt)))
            {
                throw new ArgumentException($"Two channels are named '{channel.Name}'.", nameof(channels));
            }
        }
    }

    /// <summary>Polls and delivers until <paramref name="cancellationToken"/> is cancelled; then waits for its senders to stop.</summary>
    /// <remarks>Outbox and store errors are logged and retried on the next poll; this method does not throw for them.</remarks>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        DeliveryLog.Started(_logger, _lanes.Count);
        var senders = _lanes.Values.SelectMany(lane => lane.Start(cancellationToken)).ToList();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await PollAsync(cancellationToken).ConfigureAwait(false);
                await Task.Delay(_options.PollInterval, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            foreach (var lane in _lanes.Values)
            {
                lane.Complete();
            }

            await Task.WhenAll(senders).ConfigureAwait(false);
        }
    }

    /// <summary>Counters by channel since start-up.</summary>
    public DeliverySnapshot Snapshot()
    {
        var channels = _lanes.ToDictionary(pair => pair.Key, pair => pair.Value.Counters.Snapshot(), StringComparer.Ordinal);
        channels[UnknownChannel] = _unknown.Snapshot();
        return new DeliverySnapshot(channels);
    }

    private async Task PollAsync(CancellationToken ct)
    {
        IReadOnlyList<PendingNotification> due;
        // Notifications still being sent are due too and come back first; ask for enough to see new ones behind them.
        var tracked = _lanes.Values.Sum(lane => lane.Tracked);
        try
        {
            due = await _outbox.DueAsync(_time.GetUtcNow(), _options.BatchSize + tracked, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            DeliveryLog.PollFailed(_logger, ex.GetType().Name);
            return;
        }

        foreach (var notification in due)
        {
            if (_lanes.TryGetValue(notification.Channel, out var lane))
            {
                lane.TryEnqueue(notification);
            }
            else
            {
                await _attempt.FailAsync(
                    notification.Channel, _unknown, notification, null, "no channel with this name is configured", giveUp: true, ct).ConfigureAwait(false);
            }
        }
    }
}
