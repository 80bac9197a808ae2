using System.CommandLine;

namespace Vigil.Cli;

/// <summary>Runs the command line: bad usage is one line on stderr and exit code 2.</summary>
internal static class CommandLine
{
    public const int BadUsage = 2;

    public static int Run(RootCommand root, string[] args)
    {
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            var command = result.CommandResult.Command.Name;
            var message = string.Join(' ', result.Errors[0].Message.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            var name = command == root.Name ? "vigil" : $"vigil {command}";
            Console.Error.WriteLine($"{name}: {message} (see '{name} --help')");
            return BadUsage;
        }

        return result.Invoke();
    }

    /// <summary>Rejects argument values that look like options, so that a mistyped option is bad usage, not a file name.</summary>
    public static void RejectOptionLikeValues(Argument argument) =>
        argument.Validators.Add(static result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-')
                {
                    result.AddError($"unknown option '{token.Value}'");
                    return;
                }
            }
        });

    /// <summary>One line on stderr naming what is wrong, and the bad-usage exit code.</summary>
    public static int Fail(string command, string message)
    {
        Console.Error.WriteLine($"vigil {command}: {message}");
        return BadUsage;
    }
}
