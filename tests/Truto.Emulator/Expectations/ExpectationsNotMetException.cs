namespace Truto.Emulator;

/// <summary>Thrown by <see cref="TrutoEmulator.VerifyExpectations"/>; the message lists every problem.</summary>
public sealed class ExpectationsNotMetException(string message) : Exception(message);
