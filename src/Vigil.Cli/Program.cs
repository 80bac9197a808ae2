using System.CommandLine;
using Vigil.Cli;
using Vigil.Cli.Convert;
using Vigil.Cli.Hunt;

var root = new RootCommand("Vigil: security monitoring for healthcare providers.");
root.Subcommands.Add(HuntCommand.Create());
root.Subcommands.Add(ConvertCommand.Create());
return CommandLine.Run(root, args);
