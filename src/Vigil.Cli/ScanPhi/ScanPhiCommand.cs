using System.CommandLine;
using Vigil.Discovery.Recognition;

namespace Vigil.Cli.ScanPhi;

/// <summary><c>vigil scan-phi</c>: which people, and which of their data, a mailbox or a folder of documents exposes.</summary>
internal static class ScanPhiCommand
{
    public static Command Create()
    {
        var format = new Option<string?>("--format", "-f")
        {
            Description = "table, jsonl, csv or html. Default: from the --output file's extension, else table on a terminal, jsonl otherwise.",
        };
        format.AcceptOnlyFromAmong("table", "jsonl", "csv", "html");
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of stdout." };
        var reveal = new Option<bool>("--reveal") { Description = "Show values in full instead of masked (the output then holds personal data)." };
        var subjects = new Option<bool>("--subjects") { Description = "Link findings into data subjects (people) across all inputs; report subjects instead of findings." };
        var vocabulary = new Option<string?>("--vocabulary")
        {
            Description = "Folder of name, ICD-10 and BNF lists laid out like shared/data/phi. Default: VIGIL_PHI_VOCABULARY, else the development checkout's ../shared/data/phi.",
        };
        var usPhones = new Option<bool>("--us-phones") { Description = "Also recognise North American telephone and pager numbers (US_PHONE); off by default for UK practices." };
        var wordLists = new Option<string[]>("--word-list")
        {
            Description = "KIND=PATH: your own list of names or places, one entry per line (KIND: " + string.Join(", ", PhiWordList.KindKeywords) + "). Repeatable.",
            AllowMultipleArgumentsPerToken = false,
        };
        var profile = new Option<string?>("--profile")
        {
            Description = "default (UK mail and documents) or us-clinical-notes (every date, US phones, places and hospitals, note name rules; slower).",
        };
        profile.AcceptOnlyFromAmong("default", "us-clinical-notes");
        var noProgress = new Option<bool>("--no-progress") { Description = "Do not show progress." };
        var inputs = new Argument<string[]>("PATH")
        {
            Description = "EML, mbox or PST files, Maildir folders, documents (PDF, DOCX, XLSX, CSV, text, HTML, ZIP) or folders of them.",
            Arity = ArgumentArity.OneOrMore,
        };

        CommandLine.RejectOptionLikeValues(inputs);
        var command = new Command("scan-phi", "Find the patients, and which of their data, that a mailbox or documents expose.")
        {
            format, output, reveal, subjects, vocabulary, usPhones, wordLists, profile, noProgress, inputs,
        };
        command.SetAction(parse => new ScanPhiRun(new ScanPhiSettings(
            parse.GetValue(inputs) ?? [],
            parse.GetValue(format),
            parse.GetValue(output),
            parse.GetValue(reveal),
            parse.GetValue(subjects),
            parse.GetValue(vocabulary),
            !parse.GetValue(noProgress),
            parse.GetValue(usPhones),
            parse.GetValue(wordLists) ?? [],
            parse.GetValue(profile) == "us-clinical-notes")).Execute());
        return command;
    }
}
