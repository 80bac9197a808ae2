using System.CommandLine;

namespace Vigil.Cli.Convert;

/// <summary><c>vigil convert</c>: events of log files as JSON lines or as Windows event XML.</summary>
internal static class ConvertCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = "jsonl (one JSON object per event) or xml (the XML of Windows' Event Viewer).",
            DefaultValueFactory = static _ => "jsonl",
        };
        format.AcceptOnlyFromAmong("jsonl", "xml");
        var output = new Option<string?>("--output", "-o") { Description = "Write events to this file instead of stdout." };
        var inputs = new Argument<string[]>("INPUT")
        {
            Description = "Log files or folders (recursive): EVTX, NDJSON, JSON, CSV or text lines, plain or gzip.",
            Arity = ArgumentArity.OneOrMore,
        };

        CommandLine.RejectOptionLikeValues(inputs);
        var command = new Command("convert", "Write the events of log files (EVTX included) as JSON lines or XML.")
        {
            format, output, inputs,
        };
        command.SetAction(parse => new ConvertRun(
            parse.GetValue(inputs) ?? [],
            parse.GetValue(format) ?? "jsonl",
            parse.GetValue(output)).Execute());
        return command;
    }
}
