using System.Text.Json;

namespace Vigil.Cli.Demo.Generation;

/// <summary>
/// Entra ID sign-ins as Microsoft Graph's <c>auditLogs/signIns</c> returns them (one object per line): staff signing
/// in from the office, home, trips; the odd mistyped password; and the attack's spray, its successes, and the
/// sign-in from Lagos minutes after one from Guernsey.
/// </summary>
internal static class EntraSignIns
{
    public const string File = "entra/signins.json";
    private const string ExchangeOnline = "00000002-0000-0ff1-ce00-000000000000";

    private static readonly (string App, string Id, string Client)[] Apps =
    [
        ("Office 365 Exchange Online", ExchangeOnline, "Browser"),
        ("Microsoft Teams", "1fec8e78-bce4-4aaf-ab1b-5451cc387264", "Mobile Apps and Desktop clients"),
        ("Microsoft Office", "d3590ed6-52b3-4102-aeff-aad2292ab01c", "Mobile Apps and Desktop clients"),
    ];

    public static void Generate(World world, Random random, LogBook book)
    {
        var staff = world.Clinic.Staff;
        for (var d = 0; d < world.Days; d++)
        {
            var day = World.Day(d);
            for (var s = 0; s < staff.Count; s++)
            {
                if (world.Where(s, d) is not { } place)
                {
                    continue;
                }

                var working = place == Places.Office;
                var count = working ? 1 + random.Next(3) : random.Next(2);
                for (var i = 0; i < count; i++)
                {
                    var time = i == 0 ? Ids.At(random, day, 6.8, 8.2) : Ids.At(random, day, 8.2, working ? 16.5 : 20.0);
                    var app = Apps[random.Next(Apps.Length)];
                    if (random.NextDouble() < 0.02)
                    {
                        Add(book, random, time.AddSeconds(-40), staff[s], place, app, 50126);
                    }

                    Add(book, random, time, staff[s], place, app, 0);
                }
            }
        }

        Attack(world, random, book);
    }

    private static void Attack(World world, Random random, LogBook book)
    {
        var plan = world.Attack;
        var staff = world.Clinic.Staff;
        var owa = Apps[0];
        var time = plan.SprayStart;
        foreach (var s in Enumerable.Range(0, staff.Count).Where(i => !plan.Victims.Contains(i)).Take(14))
        {
            // A spraying tool's pace: one account every few seconds.
            Add(book, random, time, staff[s], plan.SprayIp, owa, 50126, AttackStage.PasswordSpray);
            time = time.AddMilliseconds(2500 + random.Next(7500));
        }

        foreach (var v in plan.Victims)
        {
            Add(book, random, time, staff[v], plan.SprayIp, owa, 50126, AttackStage.PasswordSpray);
            time = time.AddMilliseconds(2500 + random.Next(7500));
            Add(book, random, time, staff[v], plan.SprayIp, owa, 0, AttackStage.PasswordSpray);
        }

        // The first victim is at work in Guernsey; fifteen minutes later "they" sign in from Lagos.
        var victim = staff[plan.Victims[0]];
        Add(book, random, plan.TravelStart.AddMinutes(-15), victim, Places.Office, owa, 0);
        Add(book, random, plan.TravelStart, victim, plan.TravelIp, owa, 0, AttackStage.ImpossibleTravel);
    }

    private static void Add(LogBook book, Random random, DateTime time, StaffMember who, Place where, (string App, string Id, string Client) app, int error, AttackStage stage = AttackStage.Benign)
    {
        var line = JsonLine.Write(w =>
        {
            w.WriteString("id", Ids.NewGuid(random));
            w.WriteString("createdDateTime", time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("userDisplayName", who.Name);
            w.WriteString("userPrincipalName", who.Upn);
            w.WriteString("userId", who.ObjectId);
            w.WriteString("appId", app.Id);
            w.WriteString("appDisplayName", app.App);
            w.WriteString("ipAddress", where.Ip);
            w.WriteString("clientAppUsed", app.Client);
            w.WriteString("correlationId", Ids.NewGuid(random));
            w.WriteString("conditionalAccessStatus", "notApplied");
            w.WriteBoolean("isInteractive", true);
            w.WriteString("riskDetail", "none");
            w.WriteString("riskLevelAggregated", "none");
            w.WriteString("riskLevelDuringSignIn", "none");
            w.WriteString("riskState", "none");
            w.WriteString("resourceDisplayName", "Office 365 Exchange Online");
            w.WriteString("resourceId", ExchangeOnline);
            w.WriteStartObject("status");
            w.WriteNumber("errorCode", error);
            WriteNullable(w, "failureReason", error == 0 ? null : "Invalid username or password or Invalid on-premise username or password.");
            w.WriteNull("additionalDetails");
            w.WriteEndObject();
            w.WriteStartObject("deviceDetail");
            w.WriteString("deviceId", "");
            w.WriteString("operatingSystem", stage == AttackStage.Benign ? "Windows 10" : "Linux");
            w.WriteString("browser", stage == AttackStage.Benign ? "Edge 91.0.864" : "Python Requests 2.25");
            w.WriteEndObject();
            w.WriteStartObject("location");
            w.WriteString("city", where.City);
            w.WriteString("countryOrRegion", where.Country);
            w.WriteStartObject("geoCoordinates");
            w.WriteNumber("latitude", where.Latitude);
            w.WriteNumber("longitude", where.Longitude);
            w.WriteEndObject();
            w.WriteEndObject();
        });
        book.Add(File, static () => "", time, line, stage);
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
