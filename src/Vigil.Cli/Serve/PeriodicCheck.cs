using Microsoft.Extensions.Logging;
using Vigil.Storage;

namespace Vigil.Cli.Serve;

/// <summary>
/// The loop behind <c>vigil serve</c>'s periodic checks (incident deadline reminders, overdue vulnerability findings):
/// run once now, then every interval until stopped; a store or disk failure is logged by its type only and retried at
/// the next interval, so one bad minute never stops the loop.
/// </summary>
internal static class PeriodicCheck
{
    public static async Task RunAsync(Func<CancellationToken, Task<int>> once, TimeSpan interval, TimeProvider time, ILogger logger, string what, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var raised = await once(cancellationToken).ConfigureAwait(false);
                if (raised > 0)
                {
                    logger.LogInformation("{What} raised: {Count}", what, raised);
                }

                await Task.Delay(interval, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is StoreException or System.Data.Common.DbException or IOException)
            {
                logger.LogWarning("{What} failed ({Error}); retrying", what, e.GetType().Name);
                await Task.Delay(interval, time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
