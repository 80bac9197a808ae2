using Microsoft.Extensions.Time.Testing;

namespace Vigil.Monitoring.Tests.Delivery;

/// <summary>A fake clock at a fixed, readable start.</summary>
internal static class FakeTime
{
    public static FakeTimeProvider Create() => new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
}
