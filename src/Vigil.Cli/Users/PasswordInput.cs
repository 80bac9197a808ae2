using System.Text;
using Vigil.Web.Access;

namespace Vigil.Cli.Users;

/// <summary>A new password: one line from standard input (scripts), or typed twice at the terminal without echo.</summary>
internal static class PasswordInput
{
    /// <summary>The password, or null after writing why not (one line naming the command).</summary>
    public static string? Read(string command, bool fromStdin)
    {
        string? password;
        if (fromStdin)
        {
            password = Console.In.ReadLine();
        }
        else if (Console.IsInputRedirected)
        {
            CommandLine.Fail(command, "no terminal to type a password at; pipe it with --password-stdin");
            return null;
        }
        else
        {
            password = Prompt("Password: ");
            if (Prompt("Password again: ") != password)
            {
                CommandLine.Fail(command, "the two passwords differ");
                return null;
            }
        }

        if (PasswordHashing.Weakness(password) is { } weakness)
        {
            CommandLine.Fail(command, weakness);
            return null;
        }

        return password;
    }

    private static string Prompt(string label)
    {
        Console.Error.Write(label);
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                text.Length = Math.Max(0, text.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
