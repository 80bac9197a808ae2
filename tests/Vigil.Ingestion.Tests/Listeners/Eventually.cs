using System.Diagnostics;

namespace Vigil.Ingestion.Tests.Listeners;

/// <summary>Polls a condition instead of sleeping a fixed time: fast when things are fast, bounded when not.</summary>
public static class Eventually
{
    public static async Task True(Func<bool> condition, string what, int timeoutMs = 5000)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.ElapsedMilliseconds > timeoutMs)
            {
                Assert.Fail($"Timed out after {timeoutMs} ms waiting for: {what}");
            }

            await Task.Delay(10);
        }
    }
}
