namespace Truto.Cli.Sdk.Testing.Tests;

/// <summary>
/// Truto.Cli.Sdk and Truto.Cli.Sdk.Testing packed once, under a throwaway version, from a copy of the sources (so
/// the nested build cannot disturb the running one). Removed again from the machine's package cache afterwards.
/// </summary>
public sealed class PackagesFixture : IAsyncLifetime
{
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(5);

    public string Work { get; } = Path.Combine(Path.GetTempPath(), "truto-packages-" + Guid.NewGuid().ToString("N")[..10]);

    public string Version { get; } = "1.0.0-ci." + Guid.NewGuid().ToString("N")[..8];

    public string Sources => Path.Combine(Work, "src");

    public string Packages => Path.Combine(Work, "packages");

    public async Task InitializeAsync()
    {
        DotnetCli.CopySources(DotnetCli.RepositoryRoot(), Sources);
        foreach (var project in new[] { "sdk/Truto.Cli.Sdk", "sdk/Truto.Cli.Sdk.Testing" })
        {
            var pack = await DotnetCli.RunAsync(Sources, Step, "pack", project, "-c", "Release", $"-p:Version={Version}", "-o", Packages);
            pack.ExitCode.ShouldBe(0, pack.Output);
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Work, recursive: true);
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "truto.cli.sdk", "truto.cli.sdk.testing" })
        {
            var folder = Path.Combine(cache, id, Version);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        return Task.CompletedTask;
    }
}

[CollectionDefinition(nameof(PackagesFixture))]
public sealed class PackagesCollection : ICollectionFixture<PackagesFixture>;
