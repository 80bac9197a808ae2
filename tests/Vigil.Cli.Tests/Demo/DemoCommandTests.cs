using System.Text.Json;

namespace Vigil.Cli.Tests.Demo;

public sealed class DemoCommandTests
{
    [Theory]
    [InlineData("--days", "3")]
    [InlineData("--days", "1000")]
    [InlineData("--format", "xml")]
    [InlineData("--seed", "abc")]
    [InlineData("--bogus", "1")]
    [InlineData("--rules", "/no/such/rules")]
    public void Bad_usage_exits_2_with_one_line(string option, string value)
    {
        var (exit, stdout, stderr) = VigilProcess.Run("demo", option, value);
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith("vigil demo:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_data_dir_that_already_holds_a_store_is_refused()
    {
        using var folder = new TempFolder();
        folder.File("vigil.db", "");
        var (exit, _, stderr) = VigilProcess.Run("demo", "--days", "7", "--data-dir", folder.Path);
        Assert.Equal(2, exit);
        Assert.Contains("already holds a store", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_data_dir_that_cannot_be_written_is_bad_usage()
    {
        using var folder = new TempFolder();
        var file = folder.File("plain-file", "x");
        var (exit, stdout, stderr) = VigilProcess.Run("demo", "--days", "7", "--data-dir", Path.Combine(file, "demo"));
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("cannot write the logs", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_run_replays_every_stage_and_the_bundled_rule_catches_the_forwarding_rules_at_once()
    {
        using var folder = new TempFolder();
        var dir = Path.Combine(folder.Path, "demo");
        var (exit, stdout, stderr) = VigilProcess.Run("demo", "--days", "10", "--seed", "4", "--format", "json", "--data-dir", dir);
        Assert.True(exit == 0, stderr);
        var report = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(10, report.GetProperty("days").GetInt32());
        Assert.Equal(0, report.GetProperty("inputProblems").GetInt64());
        var stages = report.GetProperty("stages").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!);
        Assert.Equal(8, stages.Count);
        Assert.All(stages.Values, s => Assert.NotEqual(JsonValueKind.Null, s.GetProperty("started").ValueKind));

        // Only the forwarding stage has a rule in this worktree's rules/: it must alert within the target.
        var forwarding = stages["forwarding-rules"];
        Assert.True(forwarding.GetProperty("withinTarget").GetBoolean());
        Assert.Equal(0, forwarding.GetProperty("delaySeconds").GetDouble());
        Assert.Contains(forwarding.GetProperty("rules").EnumerateArray(), r => r.GetProperty("id").GetString() == "2f6d8b1a-9c3e-4a7f-b5e1-8d0c4f2a6b06");

        // The arithmetic of the false alerts holds on the real output.
        var falseAlerts = report.GetProperty("falseAlerts");
        var count = falseAlerts.GetProperty("count").GetInt32();
        Assert.Equal(count, falseAlerts.GetProperty("alerts").GetArrayLength());
        Assert.Equal(Math.Round(count * 30.0 / 10, 3), falseAlerts.GetProperty("per30Days").GetDouble());

        // --data-dir keeps the logs and the store for 'vigil alerts list'.
        Assert.True(File.Exists(Path.Combine(dir, "vigil.db")));
        Assert.True(File.Exists(Path.Combine(dir, "logs", "m365", "audit.ndjson")));
        var (listExit, alerts, _) = VigilProcess.Run("alerts", "list", "--data-dir", dir, "--format", "jsonl");
        Assert.Equal(0, listExit);
        Assert.Equal(report.GetProperty("totalAlerts").GetInt32(), alerts.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void The_table_names_every_stage_and_the_temporary_folder_is_removed()
    {
        var before = Directory.GetDirectories(Path.GetTempPath(), "vigil-demo-*").ToHashSet();
        var (exit, stdout, stderr) = VigilProcess.Run("demo", "--days", "7");
        Assert.True(exit == 0, stderr);
        foreach (var stage in new[] { "password-spray", "web-shell", "mailbox-export", "phishing" })
        {
            Assert.Contains(stage, stdout, StringComparison.Ordinal);
        }

        Assert.Contains("False alerts:", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.GetDirectories(Path.GetTempPath(), "vigil-demo-*"), d => !before.Contains(d));
    }

    [Fact]
    public void Stand_in_rules_show_what_the_report_measures_for_attack_stages_and_benign_noise()
    {
        using var rules = new TempFolder();
        rules.File("proxyshell.yml", """
            title: Stand-in ProxyShell
            id: 6d7c1a52-0000-4000-8000-000000000001
            logsource: {category: webserver}
            detection:
              sel: {c-uri|contains: 'autodiscover.json?@'}
              condition: sel
            level: critical
            """);
        rules.File("nightly.yml", """
            title: Stand-in nightly health check
            id: 6d7c1a52-0000-4000-8000-000000000002
            logsource: {product: windows, service: msexchange-management}
            detection:
              keywords: ['Get-MailboxDatabaseCopyStatus']
              condition: keywords
            level: medium
            """);
        var (exit, stdout, stderr) = VigilProcess.Run("demo", "--days", "10", "--format", "json", "--no-analytics", "--rules", rules.Path);
        Assert.True(exit == 0, stderr);
        var report = JsonDocument.Parse(stdout).RootElement;
        var stages = report.GetProperty("stages").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!);
        var exploitation = stages["exchange-exploitation"];
        Assert.Equal(0, exploitation.GetProperty("delaySeconds").GetDouble());
        Assert.Equal("6d7c1a52-0000-4000-8000-000000000001", Assert.Single(exploitation.GetProperty("rules").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, stages["forwarding-rules"].GetProperty("alerted").ValueKind);

        // One health check a night, a day apart (more than the one-hour group window): ten false alerts in ten days.
        var falseAlerts = report.GetProperty("falseAlerts");
        Assert.Equal(10, falseAlerts.GetProperty("count").GetInt32());
        Assert.Equal(30.0, falseAlerts.GetProperty("per30Days").GetDouble());
        Assert.All(falseAlerts.GetProperty("alerts").EnumerateArray(), a => Assert.Equal("6d7c1a52-0000-4000-8000-000000000002", a.GetProperty("ruleId").GetString()));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("7")]
    public void The_default_hundred_days_meet_the_issue_targets_with_the_bundled_pack(string seed)
    {
        // Every stage alerted, the first alert within 60 s of the first malicious event, at most one false alert per
        // 30 days of benign clinic logs. Needs the GeoIP database (test.sh installs it) for the travel stage.
        Assert.False(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("VIGIL_GEOIP_DIR")), "VIGIL_GEOIP_DIR is not set: run ./test.sh (or export VIGIL_GEOIP_DIR=\"$(scripts/geoip-db.sh)\")");
        var (exit, stdout, stderr) = VigilProcess.Run("demo", "--seed", seed, "--format", "json");
        Assert.True(exit == 0, stderr);
        using var report = System.Text.Json.JsonDocument.Parse(stdout);
        var root = report.RootElement;
        foreach (var stage in root.GetProperty("stages").EnumerateArray())
        {
            Assert.True(stage.GetProperty("alerted").ValueKind == System.Text.Json.JsonValueKind.String, $"stage {stage.GetProperty("id").GetString()} raised no alert");
        }

        Assert.InRange(root.GetProperty("firstAlertDelaySeconds").GetDouble(), 0, 60);
        Assert.InRange(root.GetProperty("falseAlerts").GetProperty("per30Days").GetDouble(), 0, 1);
    }
}
