namespace Truto.Emulator;

/// <summary>What <see cref="TrutoEmulator.AddToken"/> seeded for a bearer token: its team and its one environment.</summary>
public sealed record EmulatorTenant(string Token, string TeamId, string TeamName, string EnvironmentId, string EnvironmentName);
