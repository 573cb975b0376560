using Remapper.E2E.Guest.Native;

namespace Remapper.E2E.Guest.Commands;

/// <summary><c>state</c>: which LEDs are lit and which keys the kernel holds down on one node.</summary>
internal static class StateCommand
{
    public static int Run(string[] args)
    {
        if (args.Length != 1)
        {
            throw new GuestToolException("state needs exactly one /dev/input/eventN");
        }
        Console.WriteLine(Describe(args[0]));
        return 0;
    }

    /// <summary><c>leds=caps_lock,num_lock\tpressed=KEY_A</c>, or <c>leds=?\tpressed=?\terror=...</c> when the node cannot be opened.</summary>
    public static string Describe(string node)
    {
        int fd = Libc.Open(node, Libc.O_RDONLY | Libc.O_NONBLOCK | Libc.O_CLOEXEC, 0);
        if (fd < 0)
        {
            return $"leds=?\tpressed=?\terror={Libc.Describe(Libc.LastError)}";
        }
        try
        {
            return $"leds={string.Join(',', Evdev.ReadLeds(fd))}\tpressed={string.Join(',', Evdev.ReadPressedKeys(fd))}";
        }
        catch (GuestToolException e)
        {
            return $"leds=?\tpressed=?\terror={e.Message}";
        }
        finally
        {
            Libc.Close(fd);
        }
    }
}
