using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Truto.Cli.Tests.Output;

/// <summary>JSON text to values, leaving ISO dates as the strings the API sent rather than turning them into dates.</summary>
internal static class Json
{
    public static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        var token = JToken.ReadFrom(reader);
        reader.Read().ShouldBeFalse("more than one JSON value in the text");
        return token;
    }

    public static JObject Object(string json) => (JObject)Parse(json);
}
