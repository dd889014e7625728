using Newtonsoft.Json.Linq;
using Truto.Cli.Profiles;
using Truto.Cli.Sdk.Errors;
using Truto.Cli.Sdk.Profiles;

namespace Truto.Cli.Tests.Profiles;

public sealed class ProfileStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "truto-store-" + Guid.NewGuid().ToString("N")[..10]);
    private readonly ProfileStore _store;

    public ProfileStoreTests()
    {
        _store = new ProfileStore(ConfigPath, TimeSpan.FromSeconds(5));
    }

    private string ConfigPath => Path.Combine(_directory, "config.json");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static ProfileConfig WithProfile(ProfileConfig config, string name, Profile profile) =>
        config with { Profiles = new Dictionary<string, Profile>(config.Profiles) { [name] = profile } };

    [Fact]
    public async Task Reads_an_empty_config_when_the_file_does_not_exist()
    {
        var config = await _store.ReadAsync(CancellationToken.None);

        config.ActiveProfile.ShouldBeNull();
        config.Profiles.ShouldBeEmpty();
        File.Exists(ConfigPath).ShouldBeFalse();
    }

    [Fact]
    public async Task Round_trips_every_profile_field()
    {
        var profile = new Profile
        {
            ApiUrl = "https://api.truto.one",
            ApiToken = "tok-0123456789",
            DefaultIntegratedAccount = "acc-1",
            AnthropicApiKey = "sk-ant-1",
            FirecrawlApiKey = "fc-1",
            FireworksApiKey = "fw-1",
            IntegrationConfigDir = "/configs",
        };

        await _store.UpdateAsync(c => WithProfile(c, "default", profile) with { ActiveProfile = "default" }, CancellationToken.None);
        var read = await new ProfileStore(ConfigPath, TimeSpan.FromSeconds(1)).ReadAsync(CancellationToken.None);

        read.ActiveProfile.ShouldBe("default");
        read.Profiles["default"].ShouldBe(profile);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // POSIX modes
    public async Task Creates_the_folder_0700_and_the_file_0600_and_keeps_0600_after_every_write()
    {
        await _store.UpdateAsync(c => WithProfile(c, "a", new Profile { ApiToken = "tok-aaaaaaaa" }), CancellationToken.None);
        File.GetUnixFileMode(_directory).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.GetUnixFileMode(ConfigPath).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);

        // Someone loosens the mode; the next write tightens it again.
        File.SetUnixFileMode(ConfigPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        await _store.UpdateAsync(c => WithProfile(c, "b", new Profile()), CancellationToken.None);

        File.GetUnixFileMode(ConfigPath).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public async Task Preserves_fields_written_by_a_newer_version()
    {
        Directory.CreateDirectory(_directory);
        await File.WriteAllTextAsync(ConfigPath, """
            {
              "activeProfile": "default",
              "schemaVersion": 7,
              "profiles": {
                "default": { "token": "tok-1234567890", "editor": "vim", "future": { "nested": [1, 2] } },
                "other": { "apiUrl": "http://127.0.0.1:8080" }
              }
            }
            """);

        await _store.UpdateAsync(c => WithProfile(c, "default", c.Profiles["default"] with { ApiUrl = "https://eu.truto.one" }), CancellationToken.None);

        var root = JObject.Parse(await File.ReadAllTextAsync(ConfigPath));
        ((int)root["schemaVersion"]!).ShouldBe(7);
        root["profiles"]!["default"]!["editor"]!.ToString().ShouldBe("vim");
        root["profiles"]!["default"]!["future"]!["nested"]!.ToString(Newtonsoft.Json.Formatting.None).ShouldBe("[1,2]");
        root["profiles"]!["default"]!["apiUrl"]!.ToString().ShouldBe("https://eu.truto.one");
        root["profiles"]!["other"]!["apiUrl"]!.ToString().ShouldBe("http://127.0.0.1:8080");
    }

    [Fact]
    public async Task Removes_a_field_set_to_null_and_a_profile_left_out()
    {
        await _store.UpdateAsync(c => WithProfile(WithProfile(c, "a", new Profile { ApiToken = "tok-aaaaaaaa", ApiUrl = "https://x.example" }), "b", new Profile()), CancellationToken.None);

        await _store.UpdateAsync(c => c with
        {
            Profiles = new Dictionary<string, Profile> { ["a"] = c.Profiles["a"] with { ApiToken = null } },
        }, CancellationToken.None);

        var root = JObject.Parse(await File.ReadAllTextAsync(ConfigPath));
        ((JObject)root["profiles"]!).Properties().Select(p => p.Name).ShouldBe(["a"]);
        root["profiles"]!["a"]!["token"].ShouldBeNull();
        root["profiles"]!["a"]!["apiUrl"]!.ToString().ShouldBe("https://x.example");
    }

    [Theory]
    [InlineData("{\n  \"activeProfile\": \"default\",\n  \"profiles\": {\n    \"default\": { \"token\": \"abc\" \n  }\n", "line")]
    [InlineData("[1, 2, 3]", "must hold a JSON object")]
    [InlineData("{ \"profiles\": { \"default\": { \"token\": 42 } } }", "'token' of profile 'default' must be a string (line 1)")]
    [InlineData("{ \"profiles\": [] }", "'profiles' must be an object")]
    [InlineData("{ \"a\": 1, \"a\": 2 }", "line 1")]
    public async Task Never_overwrites_a_config_it_cannot_read_and_says_where_it_is_broken(string content, string expectedFragment)
    {
        Directory.CreateDirectory(_directory);
        await File.WriteAllTextAsync(ConfigPath, content);
        var before = await File.ReadAllBytesAsync(ConfigPath);

        var read = await Should.ThrowAsync<CliException>(() => _store.ReadAsync(CancellationToken.None));
        var update = await Should.ThrowAsync<CliException>(() => _store.UpdateAsync(c => c with { ActiveProfile = "x" }, CancellationToken.None));

        foreach (var error in new[] { read, update })
        {
            error.ExitCode.ShouldBe(ExitCodes.Failure);
            error.Message.ShouldContain(ConfigPath);
            error.Message.ShouldContain(expectedFragment);
            error.Hint!.ShouldContain("move it away");
        }

        (await File.ReadAllBytesAsync(ConfigPath)).ShouldBe(before);
    }

    [Fact]
    public async Task Leaves_no_temporary_file_behind_after_writes()
    {
        for (var i = 0; i < 5; i++)
        {
            var name = $"p{i}";
            await _store.UpdateAsync(c => WithProfile(c, name, new Profile { ApiUrl = $"https://{name}.example" }), CancellationToken.None);
        }

        Directory.GetFiles(_directory).Select(Path.GetFileName).Order().ShouldBe(["config.json", "config.json.lock"]);
    }

    [Fact]
    public async Task A_change_that_throws_writes_nothing()
    {
        await _store.UpdateAsync(c => WithProfile(c, "a", new Profile { ApiToken = "tok-aaaaaaaa" }), CancellationToken.None);
        var before = await File.ReadAllBytesAsync(ConfigPath);

        await Should.ThrowAsync<UsageException>(() => _store.UpdateAsync(_ => throw new UsageException("no"), CancellationToken.None));

        (await File.ReadAllBytesAsync(ConfigPath)).ShouldBe(before);
    }

    [Fact]
    public async Task Concurrent_updates_in_one_process_lose_nothing()
    {
        var stores = Enumerable.Range(0, 16).Select(_ => new ProfileStore(ConfigPath, TimeSpan.FromSeconds(30))).ToArray();

        await Task.WhenAll(stores.Select((store, i) => Task.Run(() =>
            store.UpdateAsync(c => WithProfile(c, $"p{i}", new Profile { ApiUrl = $"https://{i}.example" }), CancellationToken.None))));

        var config = await _store.ReadAsync(CancellationToken.None);
        config.Profiles.Keys.Order().ShouldBe(Enumerable.Range(0, 16).Select(i => $"p{i}").Order());
    }
}
