using Truto.Cli.CommandLine;
using Truto.Cli.Output;
using Truto.Cli.Sdk.Output;
using Truto.Cli.Sdk.Terminal;

namespace Truto.Cli.Tests.Output;

/// <summary>The host's renderer as a command sees it during a run: on the given streams, with <c>-o format</c> in force.</summary>
internal static class Renderer
{
    public static OutputRenderer On(IStandardStreams streams, OutputFormat format)
    {
        var context = new InvocationContext();
        context.Bind(GlobalOptionValues.Defaults with { Output = format, OutputGiven = true });
        return new OutputRenderer(streams, context);
    }

    public static async IAsyncEnumerable<object> AsStream(this IEnumerable<object> records)
    {
        foreach (var record in records)
        {
            yield return record;
        }

        await Task.CompletedTask;
    }
}
