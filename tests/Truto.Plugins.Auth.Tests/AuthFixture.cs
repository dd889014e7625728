using Truto.Cli.Sdk.Testing;
using Truto.Emulator;

namespace Truto.Plugins.Auth.Tests;

/// <summary>A started emulator that knows one valid token, and a test host whose retries do not wait.</summary>
public sealed class AuthFixture : IAsyncLifetime
{
    public const string ValidToken = "truto_tok_VALID_0123456789abcdefghij";
    public const string OtherValidToken = "truto_tok_OTHER_9876543210zyxwvutsrq";
    public const string WrongToken = "truto_tok_WRONG_aaaaaaaaaaaaaaaaaaaa";

    public TrutoEmulator Emulator { get; private set; } = null!;

    public EmulatorTenant Tenant { get; private set; } = null!;

    public EmulatorTenant OtherTenant { get; private set; } = null!;

    public string ApiUrl => Emulator.BaseUrl.AbsoluteUri.TrimEnd('/');

    public async Task InitializeAsync()
    {
        Emulator = await TrutoEmulator.StartAsync();
        Tenant = Emulator.AddToken(ValidToken);
        OtherTenant = Emulator.AddToken(OtherValidToken);
    }

    public async Task DisposeAsync() => await Emulator.DisposeAsync();

    public static TrutoTestHost NewHost()
    {
        var host = new TrutoTestHost();
        host.Environment["TRUTO_HTTP_RETRY_DELAY_MS"] = "0";
        host.Environment["TRUTO_HTTP_TIMEOUT"] = "5";
        return host;
    }
}

internal static class HostFiles
{
    public static string ConfigPath(this TrutoTestHost host) => Path.Combine(host.ConfigDirectory, "config.json");

    public static string? ConfigText(this TrutoTestHost host) => File.Exists(host.ConfigPath()) ? File.ReadAllText(host.ConfigPath()) : null;

    public static void WriteConfig(this TrutoTestHost host, string json) => File.WriteAllText(host.ConfigPath(), json);

    public static void ShouldNotLeak(this CliResult result, params string[] secrets)
    {
        foreach (var secret in secrets)
        {
            result.Stdout.ShouldNotContain(secret, Case.Sensitive, result.ToString());
            result.Stderr.ShouldNotContain(secret, Case.Sensitive, result.ToString());
        }
    }
}
