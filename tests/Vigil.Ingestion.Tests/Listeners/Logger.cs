using System.Diagnostics;

namespace Vigil.Ingestion.Tests.Listeners;

/// <summary>Runs util-linux <c>logger</c>, a real syslog sender, against a local port.</summary>
public static class Logger
{
    public static async Task SendAsync(int port, params string[] arguments)
    {
        var start = new ProcessStartInfo("logger")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var argument in (string[])["--server", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail("util-linux `logger` is needed for this test and could not be started: " + e.Message);
            throw;
        }

        using (process)
        {
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"logger failed ({process.ExitCode}): {error}");
        }
    }
}
