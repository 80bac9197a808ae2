using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigil.Bench;

/// <summary>
/// Builds an NDJSON corpus of Windows events: half are real events of the EVTX samples (Security, System, Sysmon,
/// flattened as the readers name their fields), half come from SigmaHQ's regression renders: each takes the shape of a
/// real render (System and EventData fields), with fresh record ids, times, hosts and process ids, and field values
/// made benign (a coherent benign process, neutral values) for 97% of events; the other 3% keep the render's own
/// malicious values, so rules fire on a small share of events, as on real logs.
/// </summary>
internal static class CorpusGenerator
{
    private static readonly string[] Hosts = ["PC-RECEPTION", "PC-NURSE01", "PC-NURSE02", "PC-GP01", "PC-GP02", "EXCH01", "DC01", "FS01"];

    /// <summary>Whole benign processes, so that the fields of one event agree with each other.</summary>
    private static readonly Dictionary<string, string>[] BenignProcesses =
    [
        Process(@"C:\Windows\System32\svchost.exe", "svchost.exe", "Host Process for Windows Services", @"C:\Windows\system32\svchost.exe -k netsvcs -p -s Schedule", @"C:\Windows\System32\services.exe", @"C:\Windows\system32\services.exe"),
        Process(@"C:\Program Files\Microsoft Office\root\Office16\OUTLOOK.EXE", "Outlook.exe", "Microsoft Outlook", "\"C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE\" /recycle", @"C:\Windows\explorer.exe", @"C:\Windows\Explorer.EXE"),
        Process(@"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe", "msedge.exe", "Microsoft Edge", "\"C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe\" --type=renderer --lang=en-GB", @"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe", "\"C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe\""),
        Process(@"C:\Windows\System32\RuntimeBroker.exe", "RuntimeBroker.exe", "Runtime Broker", @"C:\Windows\System32\RuntimeBroker.exe -Embedding", @"C:\Windows\System32\svchost.exe", @"C:\Windows\system32\svchost.exe -k DcomLaunch -p"),
        Process(@"C:\Program Files\EMIS Health\EMIS Web\EmisWeb.exe", "EmisWeb.exe", "EMIS Web", "\"C:\\Program Files\\EMIS Health\\EMIS Web\\EmisWeb.exe\"", @"C:\Windows\explorer.exe", @"C:\Windows\Explorer.EXE"),
        Process(@"C:\Windows\System32\taskhostw.exe", "taskhostw.exe", "Host Process for Windows Tasks", "taskhostw.exe SYSTEM", @"C:\Windows\System32\svchost.exe", @"C:\Windows\system32\svchost.exe -k netsvcs -p -s Schedule"),
    ];

    private static readonly Dictionary<string, string[]> BenignValues = new(StringComparer.Ordinal)
    {
        ["TargetFilename"] = [@"C:\Users\nurse01\AppData\Local\Temp\~DF3A1B.tmp", @"C:\Windows\Prefetch\OUTLOOK.EXE-1A2B3C4D.pf", @"C:\Users\gp01\Documents\Referral letter.docx"],
        ["TargetObject"] = [@"HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update\LastOnlineScanTimeForAppCategory", @"HKU\S-1-5-21-1-2-3-1001\Software\Microsoft\Office\16.0\Outlook\Profiles\Outlook\Count"],
        ["Details"] = ["DWORD (0x00000001)", "Binary Data"],
        ["ImageLoaded"] = [@"C:\Windows\System32\kernel32.dll", @"C:\Windows\System32\ntdll.dll", @"C:\Windows\System32\user32.dll"],
        ["User"] = [@"CLINIC\nurse01", @"CLINIC\gp01", @"CLINIC\reception", @"NT AUTHORITY\SYSTEM"],
        ["PipeName"] = [@"\PSHost.133.1234.DefaultAppDomain.powershell", @"\mojo.1234.5678.123456789"],
        ["GrantedAccess"] = ["0x1000", "0x1400"],
    };

    private static Dictionary<string, string> Process(string image, string original, string description, string commandLine, string parent, string parentCommandLine) => new(StringComparer.Ordinal)
    {
        ["Image"] = image,
        ["SourceImage"] = image,
        ["OriginalFileName"] = original,
        ["Description"] = description,
        ["Product"] = "Microsoft Windows Operating System",
        ["Company"] = "Microsoft Corporation",
        ["CommandLine"] = commandLine,
        ["ParentImage"] = parent,
        ["ParentCommandLine"] = parentCommandLine,
        ["CurrentDirectory"] = @"C:\Windows\system32\",
        ["IntegrityLevel"] = "Medium",
    };

    private const double BenignShare = 0.97;

    /// <summary>The share of events taken from the EVTX samples (Security, System, Sysmon) rather than the renders.</summary>
    private const double SampleShare = 0.5;

    private static readonly string[] Arguments = ["--field-trial-handle=", "/id ", "-s ", "--profile-directory=Profile", "/prefetch:", "-Embedding -p ", "/session:"];

    private static string Variable(Random random) =>
        $"{Arguments[random.Next(Arguments.Length)]}{random.Next(1, 100_000)},{random.Next():x8}";

    public static void Write(string path, int count, int seed = 42)
    {
        var templates = LoadTemplates();
        var samples = LoadSamples();
        var random = new Random(seed);
        var start = new DateTime(2026, 8, 1, 0, 0, 0, DateTimeKind.Utc);
        using var stream = File.Create(path);
        using var writer = new Utf8JsonWriter(stream);
        for (var i = 0; i < count; i++)
        {
            var time = start.AddMilliseconds(i * 10L).ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture);
            if (random.NextDouble() < SampleShare)
            {
                // A real (benign) event of the EVTX samples, flattened as the readers name its fields.
                var sample = samples[random.Next(samples.Count)].DeepClone();
                sample["EventRecordID"] = i + 1;
                sample["Computer"] = Hosts[random.Next(Hosts.Length)];
                sample["@timestamp"] = time;
                sample.WriteTo(writer);
                writer.Flush();
                stream.WriteByte((byte)'\n');
                writer.Reset();
                continue;
            }

            var e = templates[random.Next(templates.Count)].DeepClone();
            var system = e["Event"]!["System"]!.AsObject();
            system["EventRecordID"] = i + 1;
            system["Computer"] = Hosts[random.Next(Hosts.Length)];
            system["TimeCreated"] = new JsonObject { ["#attributes"] = new JsonObject { ["SystemTime"] = time } };
            // Most events are made benign; the others keep the render's own (malicious) values.
            if (e["Event"]!["EventData"] is JsonObject fields && random.NextDouble() < BenignShare)
            {
                var process = BenignProcesses[random.Next(BenignProcesses.Length)];
                foreach (var key in fields.Select(static f => f.Key).ToList())
                {
                    if (key.EndsWith("ProcessId", StringComparison.Ordinal) || key.EndsWith("ProcessID", StringComparison.Ordinal))
                    {
                        fields[key] = random.Next(100, 65000);
                    }
                    else if (process.TryGetValue(key, out var value))
                    {
                        // Real command lines and file names vary (temporary names, ids, arguments); a corpus
                        // of a few repeated strings would flatter any per-value cache.
                        fields[key] = key is "CommandLine" or "ParentCommandLine" ? $"{value} {Variable(random)}" : value;
                    }
                    else if (BenignValues.TryGetValue(key, out var values))
                    {
                        var v = values[random.Next(values.Length)];
                        fields[key] = key is "TargetFilename" or "TargetObject" ? $"{v}.{random.Next(1_000_000):x}" : v;
                    }
                    else if (fields[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String)
                    {
                        fields[key] = $"{key}-{random.Next(1000)}";
                    }
                }
            }

            e.WriteTo(writer);
            writer.Flush();
            stream.WriteByte((byte)'\n');
            writer.Reset();
        }
    }

    private static List<JsonObject> LoadSamples()
    {
        var folder = BenchPaths.SharedData("sigma/evtx-samples");
        var samples = new List<JsonObject>();
        var problems = new Vigil.Diagnostics.ProblemLog();
        foreach (var file in Directory.EnumerateFiles(folder, "*.evtx").Order(StringComparer.Ordinal))
        {
            foreach (var e in Vigil.Ingestion.LogFiles.Read(file, problems))
            {
                var o = new JsonObject();
                foreach (var (name, value) in e.Fields())
                {
                    o[name] = value;
                }

                samples.Add(o);
            }
        }

        if (samples.Count == 0)
        {
            throw new DirectoryNotFoundException($"{folder} holds no EVTX samples: the benchmark mixes them into its corpus.");
        }

        return samples;
    }

    private static List<JsonNode> LoadTemplates()
    {
        var folder = BenchPaths.SharedData("sigma/regression_data");
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{folder} is absent: the benchmark builds its corpus from SigmaHQ's regression renders in ../shared/data.");
        }

        var templates = new List<JsonNode>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(file);
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = true });
            while (reader.Read())
            {
                if (JsonNode.Parse(ref reader) is JsonObject o)
                {
                    templates.Add(o);
                }
            }
        }

        return templates;
    }
}
