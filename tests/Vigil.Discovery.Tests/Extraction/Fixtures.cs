using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using MimeKit;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using Wp = DocumentFormat.OpenXml.Wordprocessing;
using Xl = DocumentFormat.OpenXml.Spreadsheet;

namespace Vigil.Discovery.Tests.Extraction;

/// <summary>Fixtures generated in the tests (never copied files): messages, PDFs, DOCX, XLSX and ZIPs.</summary>
internal static class Fixtures
{
    public static MimeMessage Message(string body, string subject = "Referral", string messageId = "abc123@practice.example")
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Dr Zoë Brontë", "zoe.bronte@practice.example"));
        message.To.Add(new MailboxAddress("Clinic", "clinic@hospital.example"));
        message.Subject = subject;
        message.MessageId = messageId;
        message.Date = new DateTimeOffset(2026, 3, 4, 9, 30, 0, TimeSpan.Zero);
        message.Body = new MimeKit.TextPart("plain") { Text = body };
        return message;
    }

    public static byte[] Bytes(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(FormatOptions.Default, stream);
        return stream.ToArray();
    }

    public static byte[] Mbox(params MimeMessage[] messages)
    {
        using var stream = new MemoryStream();
        foreach (var message in messages)
        {
            stream.Write("From MAILER-DAEMON Thu Mar  4 09:30:00 2026\n"u8);
            message.WriteTo(FormatOptions.Default, stream);
            stream.Write("\n"u8);
        }

        return stream.ToArray();
    }

    public static MimePart Attachment(string fileName, string mediaType, byte[] content)
    {
        var slash = mediaType.IndexOf('/', StringComparison.Ordinal);
        return new MimePart(mediaType[..slash], mediaType[(slash + 1)..])
        {
            Content = new MimeContent(new MemoryStream(content)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = fileName,
        };
    }

    public static MimeMessage WithAttachments(string body, params MimeEntity[] attachments)
    {
        var message = Message(body);
        var mixed = new Multipart("mixed") { message.Body! };
        foreach (var attachment in attachments)
        {
            mixed.Add(attachment);
        }

        message.Body = mixed;
        return message;
    }

    public static byte[] Pdf(params string[] pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var text in pages)
        {
            builder.AddPage(PageSize.A4).AddText(text, 12, new PdfPoint(25, 700), font);
        }

        return builder.Build();
    }

    public static byte[] Docx(string paragraph, params string[] tableRow)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var row = new Wp.TableRow(tableRow.Select(c => new Wp.TableCell(new Wp.Paragraph(new Wp.Run(new Wp.Text(c))))));
            main.Document = new Wp.Document(new Wp.Body(new Wp.Paragraph(new Wp.Run(new Wp.Text(paragraph))), new Wp.Table(row)));
        }

        return stream.ToArray();
    }

    /// <summary>A sheet "Patients" with a shared string, a date-formatted number (29221 = 01/01/1980) and an inline string.</summary>
    public static byte[] Xlsx(string sharedString, string inlineString)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Xl.Workbook();
            workbook.AddNewPart<SharedStringTablePart>().SharedStringTable =
                new Xl.SharedStringTable(new Xl.SharedStringItem(new Xl.Text(sharedString)));
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = new Xl.Stylesheet(
                new Xl.Fonts(new Xl.Font()), new Xl.Fills(new Xl.Fill()), new Xl.Borders(new Xl.Border()),
                new Xl.CellFormats(new Xl.CellFormat(), new Xl.CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Xl.Worksheet(new Xl.SheetData(new Xl.Row(
                new Xl.Cell { CellReference = "A1", DataType = Xl.CellValues.SharedString, CellValue = new Xl.CellValue("0") },
                new Xl.Cell { CellReference = "B1", StyleIndex = 1, CellValue = new Xl.CellValue("29221") },
                new Xl.Cell { CellReference = "C1", DataType = Xl.CellValues.InlineString, InlineString = new Xl.InlineString(new Xl.Text(inlineString)) })));
            workbook.Workbook.AppendChild(new Xl.Sheets(new Xl.Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Patients" }));
        }

        return stream.ToArray();
    }

    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
