using System.Globalization;

namespace Vigil.Cli.Demo.Generation;

/// <summary>
/// Exchange message tracking logs (one file a day, Exchange's own header and 30 fields): patients writing to the
/// clinic, staff answering, internal mail, the morning appointment reminders (a benign burst to many patients), and
/// the attack's phishing burst from a compromised mailbox.
/// </summary>
internal static class MessageTracking
{
    private const string Version = "15.01.2308.008";

    private static readonly string[] Inbound = ["Appointment query", "Repeat prescription", "Re: Your test results", "Change of address", "Cancel my appointment"];
    private static readonly string[] Outbound = ["Re: Appointment query", "Your prescription is ready", "Re: Change of address", "Referral letter", "Re: Cancel my appointment"];
    private static readonly string[] Internal = ["Staff rota", "Practice meeting notes", "Re: Clinic cover", "Supplies order", "Training day"];

    public static void Generate(World world, Random random, LogBook book)
    {
        var clinic = world.Clinic;
        var writer = new TrackingWriter(book, random);
        for (var d = 0; d < world.Days; d++)
        {
            var day = World.Day(d);
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var scale = weekend ? 0.15 : 1.0;
            for (var i = 0; i < (int)(60 * scale); i++)
            {
                var to = clinic.Staff[random.Next(clinic.Staff.Count)].Upn;
                writer.In(Ids.At(random, day, 6, 22), Patient(clinic, random), to, Pick(random, Inbound));
            }

            for (var i = 0; i < (int)(40 * scale); i++)
            {
                var from = clinic.Staff[random.Next(clinic.Staff.Count)].Upn;
                writer.Out(Ids.At(random, day, 7, 17), from, Patient(clinic, random), Pick(random, Outbound), Places.Office.Ip);
            }

            for (var i = 0; i < (int)(40 * scale); i++)
            {
                var from = clinic.Staff[random.Next(clinic.Staff.Count)].Upn;
                var to = clinic.Staff[random.Next(clinic.Staff.Count)].Upn;
                writer.Internal(Ids.At(random, day, 7, 17), from, to, Pick(random, Internal));
            }

            if (!weekend)
            {
                var t = Ids.At(random, day, 5.9, 6.0);
                for (var i = 0; i < 30 + random.Next(20); i++)
                {
                    t = t.AddMilliseconds(2000 + random.Next(8000));
                    writer.Out(t, Clinic.AppointmentsMailbox, Patient(clinic, random), "Appointment reminder", Places.ExchangeIp);
                }
            }
        }

        Phishing(world, random, writer);
    }

    private static void Phishing(World world, Random random, TrackingWriter writer)
    {
        var plan = world.Attack;
        var from = world.Clinic.Staff[plan.Victims[0]].Upn;
        var t = plan.PhishingStart;
        var patients = world.Clinic.Patients.OrderBy(_ => random.Next()).Take(150 + random.Next(60)).ToList();
        foreach (var patient in patients)
        {
            writer.Out(t, from, patient, "Action required: confirm your details to see your test results", plan.TravelIp.Ip, AttackStage.Phishing);
            t = t.AddMilliseconds(3000 + random.Next(5000));
        }
    }

    private static string Patient(Clinic clinic, Random random) => clinic.Patients[random.Next(clinic.Patients.Count)];

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private sealed class TrackingWriter(LogBook book, Random random)
    {
        public void In(DateTime t, string from, string to, string subject)
        {
            var m = NewMessage(from);
            var mta = string.Create(CultureInfo.InvariantCulture, $"198.51.100.{random.Next(2, 250)}");
            Line(t, mta, "mail." + from[(from.IndexOf('@', StringComparison.Ordinal) + 1)..], "250 2.0.0 OK", $"{Places.ExchangeHost}\\Default Frontend {Places.ExchangeHost}", "SMTP", "RECEIVE", m, to, "", subject, from, "Incoming", mta, "S:FromEntity=Internet;S:ToEntity=Hosted", AttackStage.Benign);
            Line(t.AddMilliseconds(800 + random.Next(900)), Places.ExchangeIp, Places.ExchangeHost, "MDB:" + m.Network, "", "STOREDRIVER", "DELIVER", m, to, "", subject, from, "Incoming", "", "S:MailboxDatabaseName=DB01", AttackStage.Benign);
        }

        public void Out(DateTime t, string from, string to, string subject, string clientIp, AttackStage stage = AttackStage.Benign)
        {
            var m = NewMessage(Clinic.Domain);
            Line(t, Places.ExchangeIp, Places.ExchangeHost, "MDB:" + m.Network, "", "STOREDRIVER", "RECEIVE", m, to, "", subject, from, "Originating", clientIp, "S:FromEntity=Hosted", stage);
            Line(t.AddMilliseconds(600 + random.Next(1500)), Places.ExchangeIp, Places.ExchangeHost, "250 2.0.0 OK", "Internet Send Connector", "SMTP", "SEND", m, to, "250 2.0.0 OK", subject, from, "Originating", clientIp, "S:ToEntity=Internet", stage);
        }

        public void Internal(DateTime t, string from, string to, string subject)
        {
            var m = NewMessage(Clinic.Domain);
            Line(t, Places.ExchangeIp, Places.ExchangeHost, "MDB:" + m.Network, "", "STOREDRIVER", "RECEIVE", m, to, "", subject, from, "Originating", Places.Office.Ip, "S:FromEntity=Hosted", AttackStage.Benign);
            Line(t.AddMilliseconds(500 + random.Next(900)), Places.ExchangeIp, Places.ExchangeHost, "MDB:" + m.Network, "", "STOREDRIVER", "DELIVER", m, to, "", subject, from, "Originating", "", "S:ToEntity=Hosted", AttackStage.Benign);
        }

        private Message NewMessage(string domain) =>
            new(random.NextInt64(10_000_000_000_000, 99_999_999_999_999), $"<{Ids.Hex(random, 32)}@{domain}>", Ids.NewGuid(random).ToString());

        private void Line(DateTime t, string clientIp, string clientHost, string context, string connector, string source, string eventId, Message m, string recipient, string status, string subject, string sender, string direction, string originalClient, string custom, AttackStage stage)
        {
            string[] fields =
            [
                Ids.Iso(t), clientIp, clientHost, Places.ExchangeIp, Places.ExchangeHost, context, connector, source, eventId,
                m.Internal.ToString(CultureInfo.InvariantCulture), m.Id, m.Network, recipient, status,
                (4000 + random.Next(60_000)).ToString(CultureInfo.InvariantCulture), "1", "", "", subject, sender, sender, "",
                direction, "", originalClient, Places.ExchangeIp, custom, "Email", Ids.NewGuid(random).ToString(), Version,
            ];
            var file = string.Create(CultureInfo.InvariantCulture, $"exchange/tracking/MSGTRK{t:yyyyMMdd}00-1.LOG");
            book.Add(file, () => Header(t), t, string.Join(',', fields.Select(Csv)), stage);
        }

        private static string Csv(string value) =>
            value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

        private static string Header(DateTime t) => string.Create(CultureInfo.InvariantCulture,
            $"#Software: Microsoft Exchange Server\r\n#Version: {Version}\r\n#Log-type: Message Tracking Log\r\n#Date: {t:yyyy-MM-dd}T00:00:00.000Z\r\n") +
            "#Fields: date-time,client-ip,client-hostname,server-ip,server-hostname,source-context,connector-id,source,event-id,internal-message-id,message-id,network-message-id,recipient-address,recipient-status,total-bytes,recipient-count,related-recipient-address,reference,message-subject,sender-address,return-path,message-info,directionality,tenant-id,original-client-ip,original-server-ip,custom-data,transport-traffic-type,log-id,schema-version\r\n";

        private sealed record Message(long Internal, string Id, string Network);
    }
}
