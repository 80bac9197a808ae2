namespace Vigil.Cli.Users;

/// <summary>Who the audit log names for a change made at the command line: the operating-system account.</summary>
internal static class CliActor
{
    public static string Name => $"cli:{Environment.UserName}";
}
