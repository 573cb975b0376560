using System.CommandLine;

namespace Remapper.Cli;

/// <summary>The writers a command prints to: those of the invocation, so tests can capture them.</summary>
internal static class CliOutput
{
    public static TextWriter Out(this ParseResult parse) => parse.InvocationConfiguration.Output;
    public static TextWriter Error(this ParseResult parse) => parse.InvocationConfiguration.Error;
}
