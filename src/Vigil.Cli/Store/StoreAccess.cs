using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Vigil.Cli.Serve;
using Vigil.Storage;

namespace Vigil.Cli.Store;

/// <summary>The options every command over the store takes, and opening the store they name.</summary>
/// <remarks>
/// The same settings as <c>vigil serve</c> (its configuration file and <c>VIGIL_</c> environment variables), so
/// these commands read the store a running service writes: SQLite in WAL mode lets them read while it writes.
/// </remarks>
internal sealed class StoreAccess
{
    public Option<string?> Config { get; } = new("--config", "-c") { Description = "vigil serve's configuration file (for the database settings)." };

    public Option<string?> DataDir { get; } = new("--data-dir") { Description = "Where the SQLite database lives. Default: ./vigil-data" };

    public void AddTo(Command command)
    {
        command.Options.Add(Config);
        command.Options.Add(DataDir);
    }

    /// <summary>Opens the store, or writes one line naming the problem and returns null.</summary>
    public async Task<IVigilStore?> OpenAsync(ParseResult parse, string command, CancellationToken cancellationToken)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (parse.GetValue(DataDir) is { } dir)
        {
            overrides["Storage:DataDirectory"] = dir;
        }

        var errors = new List<string>();
        if (ServeConfiguration.Build(parse.GetValue(Config), overrides, errors) is not { } configuration)
        {
            CommandLine.Fail(command, errors[0]);
            return null;
        }

        var options = new StoreOptions();
        configuration.GetSection("Storage").Bind(options);
        try
        {
            return await VigilStore.OpenAsync(options, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreException e)
        {
            Console.Error.WriteLine($"vigil {command}: {e.Message}");
            return null;
        }
    }
}
