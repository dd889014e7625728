using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Profiles;

namespace Truto.Cli.Profiles;

/// <summary>
/// The layout of config.json and its mapping to <see cref="ProfileConfig"/>. Fields this version does not know
/// are carried through a rewrite untouched, so an older truto never deletes what a newer one wrote.
/// </summary>
internal static class ConfigFile
{
    private const string ActiveProfileField = "activeProfile";
    private const string ProfilesField = "profiles";

    /// <summary>Profile fields by their name in the file. The token is stored as <c>token</c>.</summary>
    private static readonly (string Field, Func<Profile, string?> Get, Func<Profile, string?, Profile> Set)[] ProfileFields =
    [
        ("apiUrl", p => p.ApiUrl, (p, v) => p with { ApiUrl = v }),
        ("token", p => p.ApiToken, (p, v) => p with { ApiToken = v }),
        ("defaultIntegratedAccount", p => p.DefaultIntegratedAccount, (p, v) => p with { DefaultIntegratedAccount = v }),
        ("anthropicApiKey", p => p.AnthropicApiKey, (p, v) => p with { AnthropicApiKey = v }),
        ("firecrawlApiKey", p => p.FirecrawlApiKey, (p, v) => p with { FirecrawlApiKey = v }),
        ("fireworksApiKey", p => p.FireworksApiKey, (p, v) => p with { FireworksApiKey = v }),
        ("integrationConfigDir", p => p.IntegrationConfigDir, (p, v) => p with { IntegrationConfigDir = v }),
    ];

    public static ProfileConfig Empty { get; } = new(null, new Dictionary<string, Profile>());

    /// <summary>Parses the file's text, or explains exactly what is wrong with it.</summary>
    public static JObject Parse(string text, string path)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new JObject();
        }

        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
            var token = JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
            if (reader.Read())
            {
                throw Corrupt(path, $"unexpected content after the JSON object at line {reader.LineNumber}");
            }

            return token as JObject ?? throw Corrupt(path, "the file must hold a JSON object");
        }
        catch (JsonReaderException e)
        {
            throw Corrupt(path, $"{e.Message.Split(" Path '")[0].TrimEnd('.')} (line {e.LineNumber}, column {e.LinePosition})");
        }
    }

    public static ProfileConfig ToConfig(JObject root, string path)
    {
        var active = root[ActiveProfileField] switch
        {
            null or { Type: JTokenType.Null } => null,
            JValue { Type: JTokenType.String, Value: string text } => text,
            var other => throw Corrupt(path, $"'{ActiveProfileField}' must be a string (line {LineOf(other)})"),
        };

        var profiles = new Dictionary<string, Profile>(StringComparer.Ordinal);
        switch (root[ProfilesField])
        {
            case null or { Type: JTokenType.Null }:
                break;
            case JObject all:
                foreach (var property in all.Properties())
                {
                    profiles[property.Name] = ToProfile(property, path);
                }

                break;
            case var other:
                throw Corrupt(path, $"'{ProfilesField}' must be an object of named profiles (line {LineOf(other)})");
        }

        return new ProfileConfig(active, profiles);
    }

    /// <summary>Writes <paramref name="config"/> into <paramref name="root"/>, keeping every field it does not own.</summary>
    public static JObject Merge(JObject root, ProfileConfig config)
    {
        var merged = (JObject)root.DeepClone();
        if (config.ActiveProfile is null)
        {
            merged.Remove(ActiveProfileField);
        }
        else
        {
            merged[ActiveProfileField] = config.ActiveProfile;
        }

        var previous = merged[ProfilesField] as JObject ?? new JObject();
        var profiles = new JObject();
        foreach (var (name, profile) in config.Profiles)
        {
            var entry = previous[name] as JObject ?? new JObject();
            foreach (var (field, get, _) in ProfileFields)
            {
                if (get(profile) is { } value)
                {
                    entry[field] = value;
                }
                else
                {
                    entry.Remove(field);
                }
            }

            profiles[name] = entry;
        }

        merged[ProfilesField] = profiles;
        return merged;
    }

    private static Profile ToProfile(JProperty property, string path)
    {
        if (property.Value is not JObject fields)
        {
            throw Corrupt(path, $"profile '{property.Name}' must be an object (line {LineOf(property)})");
        }

        var profile = new Profile();
        foreach (var (field, _, set) in ProfileFields)
        {
            profile = fields[field] switch
            {
                null or { Type: JTokenType.Null } => profile,
                JValue { Type: JTokenType.String, Value: string text } => set(profile, text),
                var other => throw Corrupt(path, $"'{field}' of profile '{property.Name}' must be a string (line {LineOf(other)})"),
            };
        }

        return profile;
    }

    private static int LineOf(JToken token) => ((IJsonLineInfo)token).LineNumber;

    public static CliException Corrupt(string path, string problem) => new(
        $"cannot read the config file {path}: {problem}",
        $"Fix the file, or move it away (mv {path} {path}.bak) and run 'truto login' again. truto never overwrites a config file it cannot read.");
}
