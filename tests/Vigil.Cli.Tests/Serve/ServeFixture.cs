namespace Vigil.Cli.Tests.Serve;

/// <summary>A scratch folder with a rule set for serve tests: one rule that fires on a marker in any JSON event.</summary>
internal sealed class ServeFixture : IDisposable
{
    public const string Marker = "VIGIL-TEST-BAD-THING";

    private readonly TempFolder _folder = new();
    private readonly PostgresSchema? _schema;

    public ServeFixture(string store = "sqlite", string extraConfig = "")
    {
        _folder.File("rules/marker.yml", $"""
            title: Test marker seen
            id: 0b8e9f4e-5d0c-4b7a-9a1e-7c3d2e1f0a99
            status: test
            description: Fires on the test marker.
            author: Vigil tests
            logsource:
              product: vigil-tests
            detection:
              selection:
                action: {Marker}
              condition: selection
            level: high
            """);
        _schema = store == "postgresql" ? PostgresSchema.Create() : null;
        ConfigPath = ServeProcess.WriteConfig(_folder.Path, Path.Combine(_folder.Path, "rules"), extraConfig, _schema?.ConnectionString);
        DataDir = Path.Combine(_folder.Path, "data");
    }

    public string Folder => _folder.Path;

    public string ConfigPath { get; }

    public string DataDir { get; }

    /// <summary>Creates a token through the real CLI and returns its secret.</summary>
    public string CreateToken(params string[] scopes)
    {
        var args = new List<string> { "tokens", "create", "--name", "test", "--config", ConfigPath };
        foreach (var scope in scopes)
        {
            args.Add("--scope");
            args.Add(scope);
        }

        var (exit, stdout, stderr) = VigilProcess.Run([.. args]);
        Assert.True(exit == 0, stderr);
        return stdout.Trim();
    }

    public void Dispose()
    {
        _folder.Dispose();
        _schema?.Dispose();
    }
}
