using Newtonsoft.Json.Linq;
using Truto.Cli.Sdk.Terminal;
using Truto.Plugins.Build.Interactive;
using Truto.Plugins.Build.Refinement;
using Truto.Plugins.Build.Sources;

namespace Truto.Plugins.Build.Tests.Interactive;

/// <summary>Phase B: instructions, proposals shown as a short diff, accept or skip, ':edit', Enter to finish.</summary>
public sealed class InstructionLoopTests
{
    private static readonly JObject Start = JObject.Parse("""
        { "name": "acme", "label": "Acme", "config": { "base_url": "https://a", "resources": { "users": { "list": { "method": "get", "path": "/users" } } } }, "documentation": [] }
        """);

    private static readonly RefinementOptions Options = new("sk-test", new Uri("https://api.anthropic.com"), "m", 5, null, false, null, _ => { });

    private static readonly SourceIndex NoSources = new([]);

    [Fact]
    public async Task Accepted_proposals_are_kept_and_saved_skipped_ones_are_not_and_an_empty_line_finishes()
    {
        var prompter = new ScriptedPrompter(["add create", "rename label", ""], [true, false]);
        var refiner = new ProposingRefiner();
        var messages = new StringWriter();
        var saved = new List<JObject>();

        var result = await new InstructionLoop(refiner, prompter, messages, (_, _) => Task.FromResult<JObject?>(null))
            .RunAsync(Start, NoSources, Options, accepted => { saved.Add(accepted); return Task.CompletedTask; }, CancellationToken.None);

        refiner.Instructions.ShouldBe(["add create", "rename label"]);
        result.Resources()["users"]!["create"].ShouldNotBeNull();
        result["label"]!.ToString().ShouldBe("Acme", "the label change was skipped");
        saved.Count.ShouldBe(1);
        messages.ToString().ShouldContain("+ users.create");
        messages.ToString().ShouldContain("label: Acme -> Renamed");
    }

    [Fact]
    public async Task Edit_takes_the_edited_file_after_confirmation()
    {
        var prompter = new ScriptedPrompter([":edit", ""], [true]);
        var edited = (JObject)Start.DeepClone();
        edited["category"] = "crm";

        var result = await new InstructionLoop(new ProposingRefiner(), prompter, new StringWriter(), (_, _) => Task.FromResult<JObject?>(edited))
            .RunAsync(Start, NoSources, Options, _ => Task.CompletedTask, CancellationToken.None);

        result["category"]!.ToString().ShouldBe("crm");
    }

    private sealed class ScriptedPrompter(IEnumerable<string> answers, IEnumerable<bool> confirmations) : IPrompter
    {
        private readonly Queue<string> _answers = new(answers);
        private readonly Queue<bool> _confirmations = new(confirmations);

        public Task<string> AskAsync(string question, string? defaultValue, CancellationToken cancellationToken) => Task.FromResult(_answers.Dequeue());

        public Task<bool> ConfirmAsync(string question, bool defaultValue, CancellationToken cancellationToken) => Task.FromResult(_confirmations.Dequeue());

        public Task<string> AskSecretAsync(string question, CancellationToken cancellationToken) => throw new InvalidOperationException("no secrets here");
    }

    private sealed class ProposingRefiner : IIntegrationRefiner
    {
        public List<string> Instructions { get; } = [];

        public Task<RefinementResult> RefineAsync(JObject integration, ISourceIndex sources, RefinementOptions options, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("only proposals in phase B");

        public Task<RefinementResult> ProposeAsync(JObject integration, ISourceIndex sources, string instruction, RefinementOptions options, CancellationToken cancellationToken)
        {
            Instructions.Add(instruction);
            var proposed = (JObject)integration.DeepClone();
            if (instruction == "add create")
            {
                proposed["config"]!["resources"]!["users"]!["create"] = new JObject { ["method"] = "post", ["path"] = "/users" };
            }
            else
            {
                proposed["label"] = "Renamed";
            }

            return Task.FromResult(new RefinementResult(proposed, 1, true, "proposed: " + instruction));
        }
    }

    [Fact]
    public void Names_changed_sections_and_added_removed_and_changed_methods()
    {
        var before = JObject.Parse("""
            { "name": "acme", "label": "Acme", "config": { "base_url": "https://a", "resources": { "users": { "list": { "method": "get", "path": "/users" }, "get": { "method": "get", "path": "/users/{{id}}" } } } }, "documentation": [] }
            """);
        var after = JObject.Parse("""
            { "name": "acme", "label": "Acme Inc", "config": { "base_url": "https://b", "pagination": { "format": "page" }, "resources": { "users": { "list": { "method": "get", "path": "/v2/users" }, "create": { "method": "post", "path": "/users" } } } }, "documentation": [ { "type": "readme", "content": "x" } ] }
            """);

        var lines = InstructionLoop.DiffSummary(before, after);

        lines.ShouldBe(
        [
            "label: Acme -> Acme Inc",
            "config.base_url changed",
            "config.pagination added",
            "+ users.create",
            "- users.get",
            "~ users.list",
            "documentation: 0 -> 1 row(s)",
        ]);
        InstructionLoop.DiffSummary(before, (JObject)before.DeepClone()).ShouldBeEmpty();
    }
}
