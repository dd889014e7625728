using System.Diagnostics;
using Newtonsoft.Json.Linq;
using Truto.Cli.Tests.Smoke;

namespace Truto.Cli.Tests.Reliability;

/// <summary>The config file when truto is killed mid-write, and when its folder cannot be written.</summary>
public sealed class ConfigCrashTests : IDisposable
{
    private const string Original = """
        {
          "activeProfile": "default",
          "profiles": { "default": { "apiUrl": "https://api.truto.one", "token": "truto_tok_ORIGINAL_0123456789" } }
        }
        """;

    private readonly TrutoExecutable _truto = new();

    public ConfigCrashTests()
    {
        Directory.CreateDirectory(_truto.ConfigDirectory);
        File.WriteAllText(ConfigPath, Original);
    }

    private string ConfigPath => Path.Combine(_truto.ConfigDirectory, "config.json");

    public void Dispose() => _truto.Dispose();

    [Fact]
    public async Task Killed_between_writing_and_renaming_it_leaves_the_old_file_and_the_next_write_succeeds()
    {
        // Given a truto paused inside a config write, after the new content is flushed but before it is renamed
        var marker = Path.Combine(_truto.HomeDirectory, "paused");
        _truto.Environment["TRUTO_TEST_PAUSE_CONFIG_WRITE"] = marker;
        var paused = _truto.RunAsync("profiles", "set", "apiUrl", "https://new.example");
        await WaitForAsync(() => File.Exists(marker));

        // When it is killed there (SIGKILL: no cleanup runs)
        Process.GetProcessById(int.Parse(File.ReadAllText(marker))).Kill();
        (await paused).ExitCode.ShouldNotBe(0);

        // Then the config is the old one, whole
        File.ReadAllText(ConfigPath).ShouldBe(Original);

        // And the lock died with it (a held lock would fail this write after the lock timeout), and the orphaned
        // temp file is tidied away
        _truto.Environment.Remove("TRUTO_TEST_PAUSE_CONFIG_WRITE");
        var next = await _truto.RunAsync("profiles", "set", "apiUrl", "https://next.example");
        next.ExitCode.ShouldBe(0, next.ToString());
        ((string?)JObject.Parse(File.ReadAllText(ConfigPath))["profiles"]!["default"]!["apiUrl"]).ShouldBe("https://next.example");
        Directory.GetFiles(_truto.ConfigDirectory).Select(Path.GetFileName).Order().ShouldBe(["config.json", "config.json.lock"]);
    }

    [Fact]
    public async Task A_read_only_config_folder_gives_a_clear_error_and_changes_nothing()
    {
        MakeReadOnly(_truto.ConfigDirectory, true);
        try
        {
            var result = await _truto.RunAsync("profiles", "set", "apiUrl", "https://new.example");

            result.ExitCode.ShouldBe(1, result.ToString());
            result.Stderr.ShouldStartWith("error: ");
            result.Stderr.ShouldContain(_truto.ConfigDirectory);
            result.Stderr.ShouldNotContain("   at ");
            File.ReadAllText(ConfigPath).ShouldBe(Original);
        }
        finally
        {
            MakeReadOnly(_truto.ConfigDirectory, false);
        }
    }

    /// <summary>Root ignores permission bits, so as root the folder is made immutable instead.</summary>
    private static void MakeReadOnly(string directory, bool readOnly)
    {
        if (Environment.UserName == "root")
        {
            using var chattr = Process.Start(new ProcessStartInfo("chattr", [readOnly ? "+i" : "-i", directory]) { RedirectStandardError = true })!;
            chattr.WaitForExit();
            chattr.ExitCode.ShouldBe(0, chattr.StandardError.ReadToEnd());
        }
        else
        {
            File.SetUnixFileMode(directory, readOnly
                ? UnixFileMode.UserRead | UnixFileMode.UserExecute
                : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the paused truto never reached its write");
            await Task.Delay(20);
        }
    }
}
