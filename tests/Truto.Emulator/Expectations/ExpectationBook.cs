using System.Text;
using Truto.Emulator.Http;

namespace Truto.Emulator.Expectations;

/// <summary>
/// Opt-in strictness in the manner of gh's httpmock: once anything is expected, a request that matches no
/// remaining expectation is answered with a 500 envelope and noted; <see cref="Verify"/> reports those and any
/// expectation left unused. An expectation matches on method and a prefix of the path and query; among several,
/// the first registered with uses left wins.
/// </summary>
internal sealed class ExpectationBook
{
    private readonly Lock _gate = new();
    private readonly List<Expectation> _expectations = [];
    private readonly List<string> _unexpected = [];

    public void Expect(string method, string pathAndQueryPrefix, int times)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentException.ThrowIfNullOrEmpty(pathAndQueryPrefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (_gate)
        {
            _expectations.Add(new Expectation(method.ToUpperInvariant(), pathAndQueryPrefix, times));
        }
    }

    public void Verify()
    {
        var problems = new StringBuilder();
        lock (_gate)
        {
            foreach (var expectation in _expectations.Where(e => e.Received < e.Times))
            {
                problems.AppendLine($"  not received: {expectation.Method} {expectation.Prefix} (expected {expectation.Times}, received {expectation.Received})");
            }

            foreach (var request in _unexpected)
            {
                problems.AppendLine($"  unexpected: {request}");
            }
        }

        if (problems.Length > 0)
        {
            throw new ExpectationsNotMetException("The emulator's expectations were not met:" + Environment.NewLine + problems.ToString().TrimEnd());
        }
    }

    /// <summary>Middleware: in strict mode, answers an unexpected request with a 500 instead of passing it on.</summary>
    public Task EnforceAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var target = RequestTarget.Of(request);
        bool expected;
        lock (_gate)
        {
            expected = _expectations.Count == 0 || Consume(request);
            if (!expected)
            {
                _unexpected.Add($"{request.Method} {target}");
            }
        }

        return expected
            ? next(context)
            : ErrorEnvelope.WriteAsync(context, StatusCodes.Status500InternalServerError, $"unexpected request: {request.Method} {target}");
    }

    private bool Consume(HttpRequest request)
    {
        var match = _expectations.FirstOrDefault(e =>
            e.Received < e.Times
            && string.Equals(e.Method, request.Method, StringComparison.OrdinalIgnoreCase)
            && RequestTarget.StartsWith(request, e.Prefix));
        if (match is null)
        {
            return false;
        }

        match.Received++;
        return true;
    }

    private sealed class Expectation(string method, string prefix, int times)
    {
        public string Method { get; } = method;

        public string Prefix { get; } = prefix;

        public int Times { get; } = times;

        public int Received { get; set; }
    }
}
