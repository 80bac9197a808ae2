using System.Globalization;

namespace Vigil.Cli.Demo.Generation;

/// <summary>
/// The IIS W3C log of the on-prem Exchange server's front end (one file a day, IIS's default fields): ActiveSync from
/// phones, Outlook (MAPI over HTTP, address book, EWS, autodiscover), OWA, managed-availability probes; then the
/// attack's ProxyShell requests and its web shell.
/// </summary>
internal static class IisLog
{
    private const string Outlook = "Microsoft+Office/16.0+(Windows+NT+10.0;+Microsoft+Outlook+16.0.13929;+Pro)";
    private const string Browser = "Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)+AppleWebKit/537.36+(KHTML,+like+Gecko)+Chrome/91.0.4472.124+Safari/537.36+Edg/91.0.864.59";

    public static void Generate(World world, Random random, LogBook book)
    {
        var staff = world.Clinic.Staff;
        for (var d = 0; d < world.Days; d++)
        {
            var day = World.Day(d);
            for (var t = day.AddMinutes(random.Next(15)); t < day.AddDays(1); t = t.AddMinutes(15))
            {
                Add(book, t, "GET", "/owa/healthcheck.htm", "-", "-", "127.0.0.1", "AMProbe/Local/ClientAccess", 200, 2);
            }

            for (var s = 0; s < staff.Count; s++)
            {
                if (world.Where(s, d) is { } place)
                {
                    Person(book, random, day, staff[s], place);
                }
            }
        }

        Attack(world, random, book);
    }

    private static void Person(LogBook book, Random random, DateTime day, StaffMember who, Place place)
    {
        var office = place == Places.Office;
        if (who.Phone is { } phone)
        {
            var device = $"DeviceId={who.ObjectId.ToString("N")[..16].ToUpperInvariant()}&DeviceType={phone}";
            var agent = phone == "Android" ? "Android-SAMSUNG-SM-G991B/101.100001" : $"Apple-{phone}13C2/1805.1";
            for (var t = Ids.At(random, day, 6, 7.5); t.Hour < 21; t = t.AddMinutes(60 + random.Next(60)))
            {
                Add(book, t, "POST", "/Microsoft-Server-ActiveSync/default.eas", $"Cmd=Ping&User={who.Alias}&{device}", who.Upn, place.Ip, agent, 200, 480_000 + random.Next(60_000));
            }

            if (random.NextDouble() < 0.2)
            {
                Add(book, Ids.At(random, day, 6, 20), "GET", "/autodiscover/autodiscover.json",
                    $"Email={who.Alias}%40{Clinic.Domain}&Protocol=ActiveSync&RedirectCount=1", "-", place.Ip, "Outlook-iOS/723.4027091.prod.iphone+(4.2131.0)", 200, 31);
            }
        }

        if (!office)
        {
            return;
        }

        if (who.UsesOwa)
        {
            var t = Ids.At(random, day, 7, 8.5);
            Add(book, t, "GET", "/owa/", "-", "-", place.Ip, Browser, 302, 3);
            Add(book, t.AddSeconds(6), "POST", "/owa/auth.owa", "-", who.Upn, place.Ip, Browser, 302, 41);
            for (var i = 0; i < 4 + random.Next(8); i++)
            {
                Add(book, Ids.At(random, day, 8.5, 16.5), "POST", "/owa/service.svc", "action=GetItem&app=Mail&n=" + random.Next(200), who.Upn, place.Ip, Browser, 200, 12 + random.Next(80));
            }

            return;
        }

        var mailbox = $"MailboxId={who.ObjectId}@{Clinic.Domain}";
        Add(book, Ids.At(random, day, 7, 8), "POST", "/Autodiscover/Autodiscover.xml", "-", who.Upn, place.Ip, Outlook, 200, 20 + random.Next(30));
        for (var t = Ids.At(random, day, 7.2, 8.2); t.Hour < 17; t = t.AddMinutes(45 + random.Next(40)))
        {
            Add(book, t, "POST", "/mapi/emsmdb/", mailbox + "&RequestType=Execute", who.Upn, place.Ip, Outlook, 200, 5 + random.Next(40));
        }

        Add(book, Ids.At(random, day, 7.2, 9), "POST", "/mapi/nspi/", mailbox + "&RequestType=Bind", who.Upn, place.Ip, Outlook, 200, 4);
        Add(book, Ids.At(random, day, 9, 16), "POST", "/EWS/Exchange.asmx", "-", who.Upn, place.Ip, Outlook, 200, 30 + random.Next(90));
    }

    private static void Attack(World world, Random random, LogBook book)
    {
        var plan = world.Attack;
        var ip = plan.ExploitIp.Ip;
        var suffix = $"&Email=autodiscover/autodiscover.json%3F@{plan.ProxyDomain}";
        const string python = "python-requests/2.26.0";
        var t = plan.ExploitStart;
        void Proxy(string method, string backend, int status) =>
            Add(book, t, method, "/autodiscover/autodiscover.json", $"@{plan.ProxyDomain}{backend}{suffix}", "-", ip, python, status, 20 + random.Next(300), AttackStage.ExchangeExploitation);

        Proxy("GET", "/owa/?", 302);
        t = t.AddSeconds(3 + random.Next(5));
        Proxy("POST", "/autodiscover/autodiscover.xml?", 200);
        t = t.AddSeconds(2 + random.Next(5));
        Proxy("POST", "/mapi/nspi/?", 200);
        while (t < plan.ExportStart.AddMinutes(3))
        {
            t = t.AddSeconds(20 + random.Next(60));
            var token = Uri.EscapeDataString(System.Convert.ToBase64String(Ids.NewGuid(random).ToByteArray()));
            Proxy("POST", $"/powershell/?X-Rps-CAT=VgEAVAdXaW5kb3dzQwBBCEtlcmJlcm9z{token}", 200);
        }

        const string firefox = "Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64;+rv:91.0)+Gecko/20100101+Firefox/91.0";
        var shell = "/aspnet_client/" + plan.ShellName;
        t = plan.WebShellStart;
        Add(book, t, "GET", shell, "-", "-", ip, firefox, 200, 15, AttackStage.WebShell);
        for (var i = 0; i < 12; i++)
        {
            // The first command follows the first look at once; later ones come every few minutes.
            t = i == 0 ? t.AddSeconds(2 + random.Next(4)) : t.AddSeconds(30 + random.Next(240));
            Add(book, t, "POST", shell, "-", "-", ip, firefox, 200, 40 + random.Next(400), AttackStage.WebShell);
        }
    }

    private static void Add(LogBook book, DateTime time, string method, string stem, string query, string user, string clientIp, string agent, int status, int taken, AttackStage stage = AttackStage.Benign)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{time:yyyy-MM-dd HH:mm:ss} {Places.ExchangeIp} {method} {stem} {query} 443 {user} {clientIp} {agent} - {status} 0 0 {taken}");
        var file = string.Create(CultureInfo.InvariantCulture, $"exchange/iis/W3SVC1/u_ex{time:yyMMdd}.log");
        book.Add(file, () => Header(time), time, line, stage);
    }

    private static string Header(DateTime time) => string.Create(CultureInfo.InvariantCulture,
        $"#Software: Microsoft Internet Information Services 10.0\r\n#Version: 1.0\r\n#Date: {time:yyyy-MM-dd} 00:00:00\r\n") +
        "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken\r\n";
}
