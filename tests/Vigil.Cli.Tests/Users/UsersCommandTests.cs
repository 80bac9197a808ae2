using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Vigil.Cli.Tests.Users;

/// <summary><c>vigil users</c> and <c>vigil audit</c> against a SQLite data folder, run as the real executable.</summary>
public sealed class UsersCommandTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "vigil-users-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void Users_are_added_from_stdin_listed_changed_and_every_change_is_audited()
    {
        Assert.Equal(0, Run("correct horse battery\n", "users", "add", "dpo", "--role", "privacy-officer", "--password-stdin").Exit);
        Assert.Equal(0, Run("another long password\n", "users", "add", "ana", "--role", "analyst", "--password-stdin").Exit);

        var taken = Run("correct horse battery\n", "users", "add", "DPO", "--role", "viewer", "--password-stdin");
        var weak = Run("short\n", "users", "add", "bo", "--role", "viewer", "--password-stdin");
        var badRole = Run("correct horse battery\n", "users", "add", "bo", "--role", "root", "--password-stdin");
        Assert.Equal((2, "vigil users add: DPO: the name is taken"), (taken.Exit, taken.Stderr.Trim()));
        Assert.Equal((2, "vigil users add: a password has at least 12 characters"), (weak.Exit, weak.Stderr.Trim()));
        Assert.Equal(2, badRole.Exit);

        Assert.Equal(0, Run(null, "users", "set-role", "ana", "viewer").Exit);
        Assert.Equal(0, Run(null, "users", "disable", "ana").Exit);
        Assert.Equal(0, Run(null, "users", "reset-totp", "dpo").Exit);
        Assert.Equal(2, Run(null, "users", "disable", "nobody").Exit);
        var list = Run(null, "users", "list");
        Assert.Matches(@"ana\s*│\s*viewer\s*│\s*none\s*│\s*disabled", list.Stdout);
        Assert.Matches(@"dpo\s*│\s*privacy-officer\s*│\s*pending\s*│\s*enabled", list.Stdout);
        Assert.DoesNotContain("correct horse", list.Stdout + list.Stderr, StringComparison.Ordinal);

        var audit = Run(null, "audit", "list", "--format", "jsonl").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["totp-reset", "user-disabled", "user-role-changed", "user-added", "user-added"], audit.Select(static l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("action").GetString()));
        Assert.All(audit, static l => Assert.Contains($"\"actor\":\"cli:{Environment.UserName}\"", l, StringComparison.Ordinal));
        var verify = Run(null, "audit", "verify");
        Assert.Equal(0, verify.Exit);
        Assert.StartsWith("audit log intact: 5 entries, head ", verify.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_verify_exits_1_naming_the_entry_someone_changed_in_the_database()
    {
        Assert.Equal(0, Run("correct horse battery\n", "users", "add", "ed", "--role", "admin", "--password-stdin").Exit);
        Assert.Equal(0, Run(null, "users", "set-role", "ed", "analyst").Exit);
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "vigil.db")};Pooling=false"))
        {
            connection.Open();
            using var tamper = connection.CreateCommand();
            tamper.CommandText = "UPDATE audit SET detail = 'role viewer' WHERE id = 2";
            Assert.Equal(1, tamper.ExecuteNonQuery());
        }

        var verify = Run(null, "audit", "verify");

        Assert.Equal(1, verify.Exit);
        Assert.Equal("audit log broken at entry 2: its content does not match its hash (changed) (1 entries before it verified)", verify.Stdout.Trim());
    }

    [Fact]
    public void Without_a_terminal_or_password_stdin_users_add_says_how_to_pipe_the_password()
    {
        var result = Run("", "users", "add", "fay", "--role", "viewer");

        Assert.Equal((2, "vigil users add: no terminal to type a password at; pipe it with --password-stdin"), (result.Exit, result.Stderr.Trim()));
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private (int Exit, string Stdout, string Stderr) Run(string? input, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "vigil.dll"));
        foreach (var a in args.Concat(["--data-dir", _data]))
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Write(input ?? "");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"vigil {string.Join(' ', args)} did not finish within a minute");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
