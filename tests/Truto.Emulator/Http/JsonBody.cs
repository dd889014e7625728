using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Truto.Emulator.Http;

/// <summary>Reads a request's JSON object body; anything else is a 400, as the API answers.</summary>
internal static class JsonBody
{
    public static async Task<JObject> ReadObjectAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        try
        {
            using var json = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
            return JToken.ReadFrom(json) as JObject ?? throw ApiException.BadRequest("The request body must be a JSON object");
        }
        catch (JsonException error)
        {
            throw ApiException.BadRequest($"The request body is not valid JSON: {error.Message}");
        }
    }
}
