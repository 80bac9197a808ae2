namespace Vigil.Monitoring.Delivery;

/// <summary>When to try a failed notification again, and when to stop.</summary>
internal sealed class RetryPolicy(DeliveryOptions options, Func<double> random)
{
    /// <summary>The delay after the <paramref name="failures"/>-th failure (1-based): initial × 2^(n-1), capped, with jitter.</summary>
    public TimeSpan Delay(int failures)
    {
        var exponent = Math.Clamp(failures - 1, 0, 30);
        var ticks = Math.Min(options.InitialBackoff.Ticks * Math.Pow(2, exponent), options.MaxBackoff.Ticks);
        var jitter = 1 + (options.JitterFraction * ((2 * random()) - 1));
        return TimeSpan.FromTicks((long)Math.Min(ticks * jitter, options.MaxBackoff.Ticks));
    }

    /// <summary>True when the <paramref name="failures"/>-th failure, of an alert created at <paramref name="created"/>, is the last.</summary>
    public bool GiveUp(int failures, DateTimeOffset created, DateTimeOffset now) =>
        failures >= options.MaxAttempts || now - created >= options.MaxAge;
}
