using Vigil.Monitoring.Delivery;

namespace Vigil.Monitoring.Tests.Delivery;

public sealed class RetryPolicyTests
{
    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(4, 40)]
    [InlineData(8, 640)]
    [InlineData(9, 900)]
    [InlineData(40, 900)]
    public void Backoff_doubles_from_five_seconds_and_is_capped_at_fifteen_minutes(int failures, int seconds)
    {
        var policy = new RetryPolicy(new DeliveryOptions { JitterFraction = 0 }, () => 0.5);

        Assert.Equal(TimeSpan.FromSeconds(seconds), policy.Delay(failures));
    }

    [Theory]
    [InlineData(0.0, 8)]
    [InlineData(1.0, 12)]
    [InlineData(0.5, 10)]
    public void Jitter_moves_the_delay_by_at_most_the_configured_fraction(double random, int seconds)
    {
        var policy = new RetryPolicy(new DeliveryOptions { JitterFraction = 0.2 }, () => random);

        Assert.Equal(TimeSpan.FromSeconds(seconds), policy.Delay(2));
    }

    [Fact]
    public void Jitter_never_exceeds_the_cap()
    {
        var policy = new RetryPolicy(new DeliveryOptions { JitterFraction = 0.5 }, () => 1.0);

        Assert.Equal(TimeSpan.FromMinutes(15), policy.Delay(20));
    }

    [Theory]
    [InlineData(2, 0, false)]
    [InlineData(3, 0, true)]
    [InlineData(1, 24 * 60 - 1, false)]
    [InlineData(1, 24 * 60, true)]
    public void Gives_up_after_max_attempts_or_when_the_alert_is_older_than_max_age(int failures, int ageMinutes, bool expected)
    {
        var policy = new RetryPolicy(new DeliveryOptions { MaxAttempts = 3 }, () => 0.5);
        var now = new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal(expected, policy.GiveUp(failures, now.AddMinutes(-ageMinutes), now));
    }
}
