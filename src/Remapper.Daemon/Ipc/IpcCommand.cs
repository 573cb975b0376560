using Remapper.Ipc;

namespace Remapper.Daemon.Ipc;

/// <summary>One command of the control socket.</summary>
/// <param name="Mutating">Changes the daemon or reveals keystrokes: only root, the daemon's user and the socket's group may run it.</param>
/// <param name="Fields">The request fields it reads; a wrong-typed one of these is a <c>bad_request</c>, any other is ignored.</param>
/// <param name="Handler">Answers a validated, authorised request; null for <c>monitor</c>, which the connection streams itself.</param>
public sealed record IpcCommand(string Name, bool Mutating, IReadOnlyList<string> Fields, Func<IpcRequest, Task<IpcResponse>>? Handler);
