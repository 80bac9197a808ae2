using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Vigil.Storage.Events;

namespace Vigil.Cli.Store;

/// <summary><c>vigil events search</c>: the stored events, filtered.</summary>
internal static class EventsCommand
{
    public static Command Create()
    {
        var events = new Command("events", "Search the events the store holds.");
        var store = new StoreAccess();
        var from = new Option<string?>("--from") { Description = "Event time at or after: ISO 8601, or an age such as 24h or 7d." };
        var to = new Option<string?>("--to") { Description = "Event time before: ISO 8601, or an age." };
        var sourceType = new Option<string?>("--source-type") { Description = "Only this kind of log (postfix, iis, m365.audit, ...)." };
        var fields = new Option<string[]>("--field") { Description = "NAME=VALUE (equals, any case) or NAME~VALUE (contains); repeatable, all must hold." };
        var limit = new Option<int>("--limit") { Description = "At most this many events. Default 100.", DefaultValueFactory = static _ => 100 };
        var format = new Option<string>("--format", "-f") { Description = "table or jsonl.", DefaultValueFactory = static _ => "table" };
        format.AcceptOnlyFromAmong("table", "jsonl");
        var raw = new Option<bool>("--raw") { Description = "Include each record as received (jsonl)." };
        var search = new Command("search", "Events by time, kind and field values, oldest first.") { from, to, sourceType, fields, limit, format, raw };
        store.AddTo(search);
        search.SetAction(async (parse, ct) =>
        {
            var now = TimeProvider.System.GetUtcNow();
            DateTimeOffset? From(Option<string?> option)
            {
                return parse.GetValue(option) is { } text ? TimeArgument.TryParse(text, now, out var t) ? t : throw new FormatException($"{option.Name}: '{text}' is not a time") : null;
            }

            EventQuery query;
            try
            {
                var filters = (parse.GetValue(fields) ?? []).Select(ParseFilter).ToList();
                query = new EventQuery(From(from), From(to), parse.GetValue(sourceType), filters, 0, Math.Clamp(parse.GetValue(limit), 1, 1_000_000));
            }
            catch (FormatException e)
            {
                return CommandLine.Fail("events search", e.Message);
            }

            var opened = await store.OpenAsync(parse, "events search", ct).ConfigureAwait(false);
            if (opened is null)
            {
                return 1;
            }

            await using (opened.ConfigureAwait(false))
            {
                var jsonl = parse.GetValue(format) == "jsonl";
                var table = new Table().AddColumns("id", "time (UTC)", "source type", "origin", "fields");
                using var stdout = Console.OpenStandardOutput();
                await foreach (var e in opened.Events.SearchAsync(query, ct).ConfigureAwait(false))
                {
                    if (jsonl)
                    {
                        WriteJson(stdout, e, parse.GetValue(raw));
                    }
                    else
                    {
                        var summary = string.Join("  ", e.Fields.Where(static f => !string.IsNullOrEmpty(f.Value)).Take(6).Select(static f => $"{f.Key}={Shorten(f.Value!)}"));
                        table.AddRow(e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Timestamp.ToString("yyyy-MM-dd HH:mm:ss"), Markup.Escape(e.SourceType), Markup.Escape(e.Origin), Markup.Escape(summary));
                    }
                }

                if (!jsonl)
                {
                    AnsiConsole.Write(table);
                }
            }

            return 0;
        });
        events.Subcommands.Add(search);
        return events;
    }

    private static FieldFilter ParseFilter(string text)
    {
        var at = text.IndexOfAny(['=', '~']);
        if (at <= 0)
        {
            throw new FormatException($"--field: '{text}' is not NAME=VALUE or NAME~VALUE");
        }

        return new FieldFilter(text[..at], text[(at + 1)..], Contains: text[at] == '~');
    }

    private static string Shorten(string value) => value.Length <= 60 ? value : string.Concat(value.AsSpan(0, 57), "...");

    private static void WriteJson(Stream output, StoredEvent e, bool raw)
    {
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteNumber("id", e.Id);
        json.WriteString("timestamp", e.Timestamp);
        json.WriteString("received_at", e.ReceivedAt);
        json.WriteString("source_type", e.SourceType);
        json.WriteString("origin", e.Origin);
        json.WriteNumber("record", e.Record);
        json.WriteStartObject("event");
        foreach (var group in e.Fields.GroupBy(static f => f.Key, StringComparer.Ordinal))
        {
            var values = group.Select(static f => f.Value).ToList();
            if (values.Count == 1)
            {
                json.WriteString(group.Key, values[0]);
            }
            else
            {
                json.WriteStartArray(group.Key);
                values.ForEach(json.WriteStringValue);
                json.WriteEndArray();
            }
        }

        json.WriteEndObject();
        if (raw)
        {
            json.WriteString("raw", e.Raw);
        }

        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }
}
