using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Vigil.Cli.Tests.Serve;

public sealed class DurabilityTests
{
    private const int BatchSize = 50;

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public async Task Every_acknowledged_event_is_stored_exactly_once_across_sigkills(string store)
    {
        using var fixture = new ServeFixture(store);
        var token = fixture.CreateToken("ingest");
        var random = new Random(20211128);
        var acknowledged = new ConcurrentDictionary<int, bool>();
        var pending = new ConcurrentQueue<int>(Enumerable.Range(0, 120));

        // Rounds: senders post batches (each with its own Idempotency-Key) while the service is killed with SIGKILL at a
        // random moment; batches without an answer are sent again, with the same key, to the restarted service.
        for (var round = 0; round < 4 && !pending.IsEmpty; round++)
        {
            using var serve = ServeProcess.Start(fixture.ConfigPath);
            using var client = serve.Client(token);
            using var stop = new CancellationTokenSource();
            var senders = Enumerable.Range(0, 3).Select(_ => Task.Run(() => SendAsync(client, pending, acknowledged, stop.Token))).ToArray();
            if (round < 3)
            {
                await Task.Delay(random.Next(150, 900));
                serve.Kill();
                await stop.CancelAsync();
            }

            await Task.WhenAll(senders);
        }

        Assert.True(pending.IsEmpty, $"{pending.Count} batches never acknowledged");
        var (exit, stdout, stderr) = VigilProcess.Run("events", "search", "--config", fixture.ConfigPath, "--format", "jsonl", "--limit", "100000");
        Assert.True(exit == 0, stderr);
        var seen = new Dictionary<string, int>();
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var e = JsonDocument.Parse(line);
            var marker = e.RootElement.GetProperty("event").GetProperty("marker").GetString()!;
            seen[marker] = seen.GetValueOrDefault(marker) + 1;
        }

        foreach (var batch in acknowledged.Keys)
        {
            for (var i = 0; i < BatchSize; i++)
            {
                Assert.True(seen.GetValueOrDefault($"{batch}-{i}") == 1, $"event {batch}-{i} stored {seen.GetValueOrDefault($"{batch}-{i}")} times");
            }
        }

        Assert.Equal(acknowledged.Count * BatchSize, seen.Values.Sum());
    }

    private static async Task SendAsync(HttpClient client, ConcurrentQueue<int> pending, ConcurrentDictionary<int, bool> acknowledged, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested && pending.TryDequeue(out var batch))
        {
            var body = new StringBuilder();
            for (var i = 0; i < BatchSize; i++)
            {
                body.Append("{\"marker\":\"").Append(batch).Append('-').Append(i).Append("\",\"user\":\"u").Append(i).Append("\"}\n");
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/events", UriKind.Relative))
            {
                Content = new StringContent(body.ToString(), Encoding.UTF8, "application/x-ndjson"),
            };
            request.Headers.Add("Idempotency-Key", $"batch-{batch}");
            try
            {
                using var answer = await client.SendAsync(request, CancellationToken.None);
                if (answer.StatusCode == HttpStatusCode.OK)
                {
                    acknowledged[batch] = true;
                    continue;
                }
            }
            catch (HttpRequestException)
            {
                // The service died under us: this batch has no answer, so it goes round again.
            }

            pending.Enqueue(batch);
            if (stop.IsCancellationRequested)
            {
                return;
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }
}
