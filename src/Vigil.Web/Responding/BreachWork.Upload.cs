using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using Vigil.Response.Evidence;

namespace Vigil.Web.Responding;

/// <summary>Evidence uploads: the multipart body is streamed into the evidence store (hashed and encrypted as it is read), never buffered.</summary>
internal sealed partial class BreachWork
{
    private const string TokenField = "__RequestVerificationToken";

    /// <summary>
    /// Reads the first file of a multipart/form-data body into the incident's evidence. A form from the page puts its
    /// antiforgery token before the file (<paramref name="antiforgery"/>): it is checked before a byte of the file is
    /// read, without reading the whole form. The status is 201, or 400, 413 or 415 with the reason.
    /// </summary>
    public async Task<(EvidenceItem? Item, int Status, string? Error)> UploadAsync(HttpContext http, long incidentId, string actor, bool antiforgery)
    {
        var limit = options.Breach.MaxEvidenceBytes;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit + (1 << 20);
        }

        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return (null, StatusCodes.Status415UnsupportedMediaType, "send multipart/form-data with the file in a part named file");
        }

        var reader = new MultipartReader(boundary, http.Request.Body);
        try
        {
            for (var section = await reader.ReadNextSectionAsync(http.RequestAborted).ConfigureAwait(false); section is not null;
                section = await reader.ReadNextSectionAsync(http.RequestAborted).ConfigureAwait(false))
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }

                if (!disposition.IsFileDisposition())
                {
                    if (antiforgery && disposition.Name.Value == TokenField)
                    {
                        using var text = new StreamReader(new SizeLimitStream(section.Body, 4096));
                        http.Request.Headers["X-CSRF-TOKEN"] = await text.ReadToEndAsync(http.RequestAborted).ConfigureAwait(false);
                    }

                    continue;
                }

                if (antiforgery && !await ValidAntiforgeryAsync(http).ConfigureAwait(false))
                {
                    return (null, StatusCodes.Status400BadRequest, "the form's antiforgery token is missing or wrong: reload the page");
                }

                var name = Path.GetFileName(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "");
                if (string.IsNullOrWhiteSpace(name) || name.Length > 255)
                {
                    return (null, StatusCodes.Status400BadRequest, "the file needs a name (at most 255 characters)");
                }

                var item = await store.Evidence.AddAsync(incidentId, name, new SizeLimitStream(section.Body, limit), actor, http.RequestAborted).ConfigureAwait(false);
                return (item, StatusCodes.Status201Created, null);
            }
        }
        catch (EvidenceTooLargeException e)
        {
            return (null, StatusCodes.Status413PayloadTooLarge, e.Message);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, StatusCodes.Status413PayloadTooLarge, $"the file is over the limit of {limit} bytes (http:breach:maxEvidenceBytes)");
        }
        catch (InvalidDataException)
        {
            return (null, StatusCodes.Status400BadRequest, "the multipart body is malformed");
        }

        return (null, StatusCodes.Status400BadRequest, "no file in the form (a part with a filename)");
    }

    private static async Task<bool> ValidAntiforgeryAsync(HttpContext http)
    {
        try
        {
            await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http).ConfigureAwait(false);
            return true;
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }
}
