using System.CommandLine;

namespace Vigil.Cli.Notify;

/// <summary><c>vigil notify</c>: the breach assessment, the decisions, the regulator draft, the letters and the register.</summary>
internal static class NotifyCommand
{
    public static Command Create()
    {
        var notify = new Command("notify", "Breach assessment and notification: what the law requires, drafted from the evidence.");
        notify.Subcommands.Add(NotifyAssess.Create());
        notify.Subcommands.Add(NotifyFacts.Create());
        notify.Subcommands.Add(NotifyDecide.Create());
        notify.Subcommands.Add(NotifyRegulator.Create());
        notify.Subcommands.Add(NotifyLetters.Create());
        notify.Subcommands.Add(NotifyRegister.Create());
        notify.Subcommands.Add(NotifyMarkSent.Create());
        return notify;
    }
}
