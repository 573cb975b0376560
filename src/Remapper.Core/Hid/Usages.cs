namespace Remapper.Core.Hid;

/// <summary>Usages the code itself refers to by name (the full table lives in <see cref="KeyNames"/>).</summary>
public static class Usages
{
    public static readonly Usage None = default;
    public static readonly Usage A = Usage.Key(0x04);
    public static readonly Usage Enter = Usage.Key(0x28);
    public static readonly Usage Escape = Usage.Key(0x29);
    public static readonly Usage Backspace = Usage.Key(0x2A);
    public static readonly Usage Tab = Usage.Key(0x2B);
    public static readonly Usage Spacebar = Usage.Key(0x2C);
    public static readonly Usage CapsLock = Usage.Key(0x39);
    public static readonly Usage DeleteForward = Usage.Key(0x4C);
    public static readonly Usage LeftControl = Usage.Key(0xE0);
    public static readonly Usage LeftShift = Usage.Key(0xE1);
    public static readonly Usage LeftOption = Usage.Key(0xE2);
    public static readonly Usage LeftCommand = Usage.Key(0xE3);
    public static readonly Usage RightControl = Usage.Key(0xE4);
    public static readonly Usage RightShift = Usage.Key(0xE5);
    public static readonly Usage RightOption = Usage.Key(0xE6);
    public static readonly Usage RightCommand = Usage.Key(0xE7);

    public static readonly Usage Mute = Usage.Consumer(0xE2);
    public static readonly Usage VolumeIncrement = Usage.Consumer(0xE9);
    public static readonly Usage VolumeDecrement = Usage.Consumer(0xEA);
    public static readonly Usage PlayOrPause = Usage.Consumer(0xCD);

    public static readonly Usage Power = Usage.Desktop(0x81);
    public static readonly Usage SystemSleep = Usage.Desktop(0x82);
    public static readonly Usage SystemWakeUp = Usage.Desktop(0x83);
}
