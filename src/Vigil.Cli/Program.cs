using System.CommandLine;
using Vigil.Cli;
using Vigil.Cli.Convert;
using Vigil.Cli.Hunt;
using Vigil.Cli.Serve;
using Vigil.Cli.Store;

var root = new RootCommand("Vigil: security monitoring for healthcare providers.");
root.Subcommands.Add(HuntCommand.Create());
root.Subcommands.Add(ConvertCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(TokensCommand.Create());
root.Subcommands.Add(EventsCommand.Create());
root.Subcommands.Add(AlertsCommand.Create());
root.Subcommands.Add(QuarantineCommand.Create());
root.Subcommands.Add(Vigil.Cli.Demo.DemoCommand.Create());
root.Subcommands.Add(Vigil.Cli.Notify.NotifyCommand.Create());
root.Subcommands.Add(Vigil.Cli.ScanPhi.ScanPhiCommand.Create());
return CommandLine.Run(root, args);
