namespace Vigil.Monitoring.Delivery;

/// <summary>How the <see cref="NotificationDispatcher"/> polls and retries (configuration section <c>alerting.delivery</c>).</summary>
public sealed class DeliveryOptions
{
    /// <summary>How often the outbox is asked for due notifications. Default 1 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many due notifications one poll takes. Default 100.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Sends in flight at once on one channel. Default 2.</summary>
    public int MaxConcurrencyPerChannel { get; set; } = 2;

    /// <summary>Notifications of one channel held in memory awaiting a sender; more wait in the outbox. Default 1,000.</summary>
    public int MaxQueuedPerChannel { get; set; } = 1000;

    /// <summary>Delay after the first failure; doubled after each further one. Default 5 s.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest delay between attempts. Default 15 min.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Each delay is moved at random by up to this fraction either way, so retries do not arrive in step. Default 0.2.</summary>
    public double JitterFraction { get; set; } = 0.2;

    /// <summary>Attempts after which a notification is given up. Default 20.</summary>
    public int MaxAttempts { get; set; } = 20;

    /// <summary>Age of the alert after which a failed notification is given up. Default 24 h.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Backstop on one send, whatever the channel's own timeout. Default 2 min.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Problems with these settings, each naming the field under <paramref name="path"/>; empty when valid.</summary>
    public IReadOnlyList<string> Validate(string path = "alerting.delivery")
    {
        var errors = new List<string>();
        Positive(errors, $"{path}.pollInterval", PollInterval);
        Positive(errors, $"{path}.initialBackoff", InitialBackoff);
        Positive(errors, $"{path}.sendTimeout", SendTimeout);
        Positive(errors, $"{path}.maxAge", MaxAge);
        if (MaxBackoff < InitialBackoff)
        {
            errors.Add($"{path}.maxBackoff: must be at least initialBackoff");
        }

        if (BatchSize is < 1 or > 10_000)
        {
            errors.Add($"{path}.batchSize: must be between 1 and 10000");
        }

        if (MaxConcurrencyPerChannel is < 1 or > 64)
        {
            errors.Add($"{path}.maxConcurrencyPerChannel: must be between 1 and 64");
        }

        if (MaxQueuedPerChannel < MaxConcurrencyPerChannel)
        {
            errors.Add($"{path}.maxQueuedPerChannel: must be at least maxConcurrencyPerChannel");
        }

        if (JitterFraction is < 0 or > 0.5 || double.IsNaN(JitterFraction))
        {
            errors.Add($"{path}.jitterFraction: must be between 0 and 0.5");
        }

        if (MaxAttempts < 1)
        {
            errors.Add($"{path}.maxAttempts: must be at least 1");
        }

        return errors;
    }

    private static void Positive(List<string> errors, string field, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{field}: must be positive");
        }
    }
}
