using System.Diagnostics;
using Newtonsoft.Json.Linq;

namespace Truto.Cli.Tests.Plugins;

/// <summary>Strict modes: plugins that others could have written, or that belong to another user, are refused.</summary>
public sealed class PluginTrustTests : IDisposable
{
    private readonly PluginTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    private async Task<JObject> Listed(string name)
    {
        var result = await _bed.Host.RunAsync("plugins", "list", "-o", "json");
        result.ExitCode.ShouldBe(0, result.ToString());
        return (JObject)JArray.Parse(result.Stdout).Single(p => ((string)p["path"]!).Contains(name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_group_writable_plugin_folder_is_refused_with_the_fix_in_the_reason()
    {
        var folder = _bed.InstallInPluginPath(TestPlugin.Greeter);
        File.SetUnixFileMode(folder, File.GetUnixFileMode(folder) | UnixFileMode.GroupWrite);

        var plugin = await Listed(TestPlugin.Greeter);
        var run = await _bed.Host.RunAsync("greet", "hello", "Ada");

        ((string?)plugin["status"]).ShouldBe("untrusted");
        ((string?)plugin["reason"]).ShouldBe($"{folder} is writable by its group, so anyone there could change what truto runs: chmod go-w '{folder}' (or set TRUTO_PLUGINS_STRICT_MODES=no)");
        run.ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task A_world_writable_plugin_dll_is_refused()
    {
        var folder = _bed.InstallInPluginPath(TestPlugin.Greeter);
        var dll = Path.Combine(folder, TestPlugin.Greeter + ".dll");
        File.SetUnixFileMode(dll, File.GetUnixFileMode(dll) | UnixFileMode.OtherWrite);

        var plugin = await Listed(TestPlugin.Greeter);

        ((string?)plugin["status"]).ShouldBe("untrusted");
        ((string?)plugin["reason"]).ShouldStartWith($"{dll} is writable by others");
    }

    [Fact]
    public async Task A_plugin_owned_by_another_user_is_refused_unless_root_owns_it()
    {
        var folder = _bed.InstallInPluginPath(TestPlugin.Greeter);
        var dll = Path.Combine(folder, TestPlugin.Greeter + ".dll");
        var me = Environment.UserName;
        if (me != "root")
        {
            // Without root we cannot give a file away; check the other half of the rule instead: our own files load.
            ((string?)(await Listed(TestPlugin.Greeter))["status"]).ShouldBe("loaded");
            return;
        }

        using (var chown = Process.Start("chown", ["4242", dll])!)
        {
            await chown.WaitForExitAsync();
            chown.ExitCode.ShouldBe(0);
        }

        var plugin = await Listed(TestPlugin.Greeter);

        ((string?)plugin["status"]).ShouldBe("untrusted");
        ((string?)plugin["reason"]).ShouldStartWith($"{dll} belongs to another user (uid 4242)");
    }

    [Fact]
    public async Task Strict_modes_can_be_turned_off_explicitly()
    {
        var folder = _bed.InstallInPluginPath(TestPlugin.Greeter);
        File.SetUnixFileMode(folder, File.GetUnixFileMode(folder) | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite);
        _bed.Host.Environment["TRUTO_PLUGINS_STRICT_MODES"] = "no";

        var plugin = await Listed(TestPlugin.Greeter);
        var run = await _bed.Host.RunAsync("greet", "hello", "Ada");

        ((string?)plugin["status"]).ShouldBe("loaded");
        run.ExitCode.ShouldBe(0, run.ToString());
    }
}
