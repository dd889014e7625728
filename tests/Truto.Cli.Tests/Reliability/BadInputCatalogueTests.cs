using Truto.Cli.Sdk.Testing;

namespace Truto.Cli.Tests.Reliability;

/// <summary>
/// Bad input, one row each: the exit code, a fragment of the message on stderr, nothing on stdout, and nothing
/// written to disk.
/// </summary>
public sealed class BadInputCatalogueTests : IDisposable
{
    private const string Config = """
        {
          "activeProfile": "default",
          "profiles": { "default": { "apiUrl": "http://127.0.0.1:9", "token": "truto_tok_CATALOGUE_0123456789" } }
        }
        """;

    private readonly TrutoTestHost _host = new();

    public void Dispose() => _host.Dispose();

    public static TheoryData<string, string[], string, int, string> Cases() => new()
    {
        // name, args, stdin, exit code, message fragment
        { "unknown command", ["frobnicate"], "", 2, "unknown command 'frobnicate'" },
        { "misspelt command", ["profils", "list"], "", 2, "Did you mean 'profiles'?" },
        { "unknown subcommand", ["profiles", "lst"], "", 2, "Unrecognized command or argument 'lst'" },
        { "unknown option", ["plugins", "list", "--bogus"], "", 2, "Unrecognized option '--bogus'" },
        { "unknown option before any command", ["--bogus"], "", 2, "unrecognized option '--bogus'" },
        { "id passed as an option", ["api-tokens", "get", "-d", "abc"], "", 2, "Unrecognized option '-d'" },
        { "bad output format", ["plugins", "list", "-o", "xml"], "", 2, "unknown output format 'xml'" },
        { "output format without a value", ["plugins", "list", "-o"], "", 2, "Missing value for option 'o'" },
        { "profile option without a value", ["whoami", "-p"], "", 2, "Missing value for option 'p'" },
        { "cursor option without a value", ["api-tokens", "list", "--next-cursor"], "", 2, "Missing value for option 'next-cursor'" },
        { "missing profile name for use", ["use"], "", 2, "name the profile to use" },
        { "missing key for get", ["profiles", "get"], "", 2, "name the key to print" },
        { "missing value for set", ["profiles", "set", "apiUrl"], "", 2, "give the value to set" },
        { "missing id for get", ["api-tokens", "get"], "", 2, "ids are positional" },
        { "unknown profile key", ["profiles", "set", "token", "x"], "", 2, "unknown profile key 'token'" },
        { "api url that is not a url", ["profiles", "set", "apiUrl", "not a url"], "", 2, "apiUrl must be an absolute http(s) URL" },
        { "api url with another scheme", ["profiles", "set", "api-url", "ftp://api.truto.one"], "", 2, "apiUrl must be an absolute http(s) URL" },
        { "unknown byok provider", ["profiles", "set-key", "openai", "sk-x"], "", 2, "unknown provider 'openai'" },
        { "empty byok key on stdin", ["profiles", "set-key", "anthropic"], "\n", 2, "no anthropic key given" },
        { "unknown profile for use", ["use", "prod"], "", 2, "profile 'prod' does not exist" },
        { "unknown profile with p", ["whoami", "-p", "prod"], "", 2, "profile 'prod' does not exist" },
        { "unknown profile for logout", ["logout", "--profile-name", "prod"], "", 2, "profile 'prod' does not exist" },
        { "bad api url flag", ["whoami", "--api-url", "notaurl"], "", 2, "--api-url is not an absolute http(s) URL" },
        { "login without terminal or token", ["login"], "", 2, "no token given and no terminal" },
        { "login with an empty token on stdin", ["login", "--token-stdin"], "\n", 2, "the token is empty" },
        { "login with a token holding spaces", ["login", "--token", "two words"], "", 2, "the token contains white space" },
        { "login with a bad api url", ["login", "--token", "truto_tok_x_0123456789", "--api-url", "nope"], "", 2, "the API URL must be an absolute http(s) URL" },
        { "limit below one", ["api-tokens", "list", "--limit", "0"], "", 2, "--limit must be at least 1" },
        { "limit that is not a number", ["api-tokens", "list", "--limit", "many"], "", 2, "many" },
        { "brief with select", ["api-tokens", "get", "x", "--brief", "--select", "id"], "", 2, "--brief and --select cannot be used together" },
        { "select without fields", ["api-tokens", "get", "x", "--select", ","], "", 2, "--select needs at least one field name" },
        { "extremely long profile name", ["use", new string('p', 100_000)], "", 2, "does not exist" },
        { "control characters in a key name", ["profiles", "get", "api\u0001Url"], "", 2, "unknown profile key" },
        { "unset key", ["profiles", "get", "integrationConfigDir"], "", 1, "integrationConfigDir is not set on profile 'default'" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_fails_with_the_right_exit_code_and_message_and_writes_nothing(string name, string[] args, string stdin, int exitCode, string fragment)
    {
        File.WriteAllText(ConfigPath, Config);
        await WarmPluginCacheAsync();
        var before = Snapshot();

        var result = await _host.RunAsync(new TestTerminal(input: stdin), args);

        result.ExitCode.ShouldBe(exitCode, $"{name}\n{result}");
        result.Stdout.ShouldBeEmpty(name);
        result.Stderr.ShouldStartWith("error: ", Case.Sensitive, name);
        result.Stderr.ShouldContain(fragment, Case.Sensitive, name);
        Snapshot().ShouldBe(before, name);
    }

    /// <summary>Spec and IntegrationFile inputs the build plugin must refuse: (name, how to make the file, args with {file} and {out}, exit code, fragment).</summary>
    public static TheoryData<string, string, string[], int, string> FileCases() => new()
    {
        { "binary spec", "binary", ["integrations", "build", "{file}", "--no-llm", "--out", "{out}"], 2, "is a binary file" },
        { "empty spec", "empty", ["integrations", "build", "{file}", "--no-llm", "--out", "{out}"], 2, "is empty" },
        { "whitespace-only spec", "blank", ["integrations", "build", "{file}", "--no-llm", "--out", "{out}"], 2, "is empty" },
        { "huge spec", "huge", ["integrations", "build", "{file}", "--no-llm", "--out", "{out}"], 2, "sources larger than 50 MB are refused" },
        { "spec of invalid UTF-8", "latin1", ["integrations", "build", "{file}", "--no-llm", "--out", "{out}"], 2, "is not valid UTF-8 text" },
        { "directory instead of a spec", "directory", ["integrations", "build", "{file}", "--no-llm", "--out", "{out}"], 2, "is a folder" },
        { "unreadable spec", "unreadable", ["integrations", "build", "{file}", "--no-llm", "--out", "{out}"], 2, "cannot read" },
        { "missing spec", "missing", ["integrations", "build", "{file}", "--no-llm", "--out", "{out}"], 2, "source not found" },
        { "build without a source", "missing", ["integrations", "build", "--out", "{out}"], 2, "no source given" },
        { "doc page alone without the LLM", "markdown", ["integrations", "build", "{file}", "--no-llm", "--out", "{out}"], 2, "doc pages alone cannot be built" },
        { "turn budget of zero", "openapi", ["integrations", "build", "{file}", "--max-turns", "0", "--out", "{out}"], 2, "--max-turns must be a positive number" },
        { "deprecated build flag", "openapi", ["integrations", "build", "{file}", "--dry-run", "--out", "{out}"], 2, "--dry-run" },
        { "lint of a binary file", "binary", ["integrations", "lint", "{file}"], 2, "is not valid JSON" },
        { "lint of a missing file", "missing", ["integrations", "lint", "{file}"], 2, "does not exist" },
        { "apply of an empty file", "empty", ["integrations", "apply", "{file}"], 1, "is not valid JSON" },
        { "apply of a directory", "directory", ["integrations", "apply", "{file}"], 1, "is a folder" },
    };

    [Theory]
    [MemberData(nameof(FileCases))]
    public async Task Bad_files_fail_with_the_right_exit_code_and_message_and_write_nothing(string name, string kind, string[] args, int exitCode, string fragment)
    {
        File.WriteAllText(ConfigPath, Config);
        var inputs = Path.Combine(_host.ConfigDirectory, "..", Path.GetFileName(_host.ConfigDirectory) + "-inputs");
        Directory.CreateDirectory(inputs);
        var file = MakeInput(inputs, kind);
        var inputsBefore = Directory.GetFileSystemEntries(inputs);
        var outPath = Path.Combine(_host.ConfigDirectory, "out.integration.json");
        await WarmPluginCacheAsync();
        var before = Snapshot();

        var result = await _host.RunAsync(args.Select(a => a.Replace("{file}", file).Replace("{out}", outPath)).ToArray());

        result.ExitCode.ShouldBe(exitCode, $"{name}\n{result}");
        result.Stdout.ShouldBeEmpty(name);
        result.Stderr.ShouldContain("error: ", Case.Sensitive, name); // after any progress lines
        result.Stderr.ShouldContain(fragment, Case.Sensitive, name);
        Snapshot().ShouldBe(before, name);
        Directory.GetFileSystemEntries(inputs).ShouldBe(inputsBefore, $"{name}: nothing written beside the input");
        Directory.Delete(inputs, recursive: true);
    }

    private static string MakeInput(string folder, string kind)
    {
        var path = Path.Combine(folder, kind == "markdown" ? "guide.md" : "spec.json");
        switch (kind)
        {
            case "binary": File.WriteAllBytes(path, [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0xFF, 0x00]); break;
            case "empty": File.WriteAllBytes(path, []); break;
            case "blank": File.WriteAllText(path, " \n\t\n"); break;
            case "huge":
                // Sparse: 51 MB on paper, nothing on disk; the size is refused before a byte is read.
                using (var stream = File.Create(path)) { stream.SetLength(51L * 1024 * 1024); }
                break;
            case "latin1": File.WriteAllBytes(path, [.. "{\"openapi\":\"3.0.0\",\"info\":{\"title\":\"Caf"u8, 0xE9, .. "\"}}"u8]); break;
            case "directory": Directory.CreateDirectory(path); break;
            case "unreadable": return Unreadable(path);
            case "missing": break;
            case "markdown": File.WriteAllText(path, "# Acme API\n\nSend your key in the X-Api-Key header.\n"); break;
            case "openapi": File.WriteAllText(path, """{"openapi":"3.0.0","info":{"title":"Acme","version":"1"},"paths":{}}"""); break;
            default: throw new ArgumentOutOfRangeException(nameof(kind), kind);
        }

        return path;
    }

    /// <summary>A file this process cannot read: mode 000, or, where the tests run as root (which ignores modes), a /proc file whose read fails.</summary>
    private static string Unreadable(string path)
    {
        File.WriteAllText(path, "{}");
        File.SetUnixFileMode(path, UnixFileMode.None);
        try
        {
            File.ReadAllBytes(path);
        }
        catch (UnauthorizedAccessException)
        {
            return path;
        }

        File.Delete(path);
        return "/proc/self/mem";
    }

    [Fact]
    public async Task A_config_that_is_a_directory_is_reported_and_left_alone()
    {
        Directory.CreateDirectory(ConfigPath);

        var result = await _host.RunAsync("profiles", "list");

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain($"cannot read the config file {ConfigPath}");
        Directory.Exists(ConfigPath).ShouldBeTrue();
    }

    [Fact]
    public async Task A_config_of_invalid_utf8_is_reported_with_its_path_and_left_alone()
    {
        var garbage = new byte[] { 0x7B, 0xC3, 0x28, 0xFF, 0xFE, 0x7D };
        File.WriteAllBytes(ConfigPath, garbage);

        var result = await _host.RunAsync("profiles", "set", "apiUrl", "https://x.example");

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain($"cannot read the config file {ConfigPath}");
        File.ReadAllBytes(ConfigPath).ShouldBe(garbage);
    }

    /// <summary>The first run writes the plugin manifest cache; after it, bad input must not write even that.</summary>
    private async Task WarmPluginCacheAsync() => (await _host.RunAsync("plugins", "list", "-o", "json")).ExitCode.ShouldBe(0);

    private string ConfigPath => Path.Combine(_host.ConfigDirectory, "config.json");

    private string[] Snapshot() => Directory.GetFileSystemEntries(_host.ConfigDirectory, "*", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal)
        .Select(path => File.Exists(path) ? $"{path}:{File.ReadAllText(path)}" : path)
        .ToArray();
}
