namespace Remapper.Tray.Actions;

/// <summary>
/// How to run this same `remapper` again (for `remapper doctor`): the native executable when published, or
/// `dotnet remapper.dll` when run from a build.
/// </summary>
/// <param name="FileName">The program to start.</param>
/// <param name="Prefix">Arguments before the subcommand (the .dll under dotnet).</param>
public sealed record SelfInvocation(string FileName, IReadOnlyList<string> Prefix)
{
    public static SelfInvocation Current()
    {
        var process = Environment.ProcessPath ?? "remapper";
        var name = Path.GetFileNameWithoutExtension(process);
        if (name == "dotnet")
        {
            var entry = Environment.GetCommandLineArgs().FirstOrDefault(a => a.EndsWith(".dll", StringComparison.Ordinal))
                ?? Path.Combine(AppContext.BaseDirectory, "remapper.dll");
            return new SelfInvocation(process, [entry]);
        }
        return new SelfInvocation(process, []);
    }

    public IReadOnlyList<string> With(params string[] arguments) => [.. Prefix, .. arguments];
}
