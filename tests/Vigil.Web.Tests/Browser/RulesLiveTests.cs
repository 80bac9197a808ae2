using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Vigil.Web.Tests.Browser;

/// <summary>Rule changes through the API reach live detection of the running <c>vigil serve</c> without a restart.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RulesLiveTests(BrowserFixture fixture)
{
    private const string UploadedId = "7d3e9a10-5b2c-4f6e-8a1d-0e9f8c7b6a50";
    private const string UploadedMarker = "VIGIL-UPLOAD-LIVE";

    [Fact]
    public async Task Disabling_a_rule_in_a_running_serve_stops_its_alerts_and_enabling_an_uploaded_rule_starts_them()
    {
        using var api = Client(fixture.App.AnalystToken);
        await IngestAsync(ServeApp.RulesMarker, "live-a");
        var first = await WaitForAlertsAsync(api, ServeApp.RulesMarkerId);
        Assert.Equal(1, first.GetArrayLength());
        try
        {
            Assert.True((await api.PostAsJsonAsync($"/api/v1/rules/{ServeApp.RulesMarkerId}/disable", new { reason = "live test" })).IsSuccessStatusCode);
            var yaml = $"title: Uploaded live marker\nid: {UploadedId}\nlogsource:\n  product: vigil-tests\ndetection:\n  selection:\n    action: {UploadedMarker}\n  condition: selection\nlevel: high\n";
            var created = await api.PostAsync(new Uri("/api/v1/rules?enable=true", UriKind.Relative), new StringContent(yaml, Encoding.UTF8, "application/yaml"));
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());

            // Detection runs in store order: once the uploaded rule's alert is there, the disabled rule's event was seen too.
            await IngestAsync(ServeApp.RulesMarker, "live-b");
            await IngestAsync(UploadedMarker, "live-c");
            Assert.Equal(1, (await WaitForAlertsAsync(api, UploadedId)).GetArrayLength());
            var after = await AlertsAsync(api, ServeApp.RulesMarkerId);
            Assert.Equal(1, after.GetArrayLength());
            Assert.Equal(1, after[0].GetProperty("count").GetInt32());
        }
        finally
        {
            await api.PostAsync(new Uri($"/api/v1/rules/{ServeApp.RulesMarkerId}/enable", UriKind.Relative), null);
            await api.DeleteAsync(new Uri($"/api/v1/rules/{UploadedId}", UriKind.Relative));
        }
    }

    private HttpClient Client(string token)
    {
        var client = new HttpClient { BaseAddress = fixture.App.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private Task IngestAsync(string action, string user) => fixture.App.IngestAsync($"{{\"action\":\"{action}\",\"user\":\"{user}\"}}");

    private static async Task<JsonElement> WaitForAlertsAsync(HttpClient api, string ruleId)
    {
        for (var i = 0; i < 100; i++)
        {
            var alerts = await AlertsAsync(api, ruleId);
            if (alerts.GetArrayLength() > 0)
            {
                return alerts;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"no alert for rule {ruleId} within 10 s");
        return default;
    }

    private static async Task<JsonElement> AlertsAsync(HttpClient api, string ruleId)
    {
        var json = await api.GetStringAsync(new Uri($"/api/v1/alerts?rule={ruleId}", UriKind.Relative));
        return JsonDocument.Parse(json).RootElement.GetProperty("alerts").Clone();
    }
}
