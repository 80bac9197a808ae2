using System.Diagnostics;

namespace Vigil.Monitoring.Tests.Delivery;

/// <summary>Waits for a condition that another task makes true, optionally moving fake time on between looks.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, Action? step = null, int timeoutMs = 5000)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.ElapsedMilliseconds < timeoutMs, $"Timed out after {timeoutMs} ms waiting for: {what}");
            step?.Invoke();
            await Task.Delay(2);
        }
    }
}
