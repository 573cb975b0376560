namespace Remapper.MacOS.Detector;

/// <summary>
/// An IOKit <c>IOReturn</c> (a mach error number) taken apart the way &lt;mach/error.h&gt; builds it:
/// system in bits 26–31, subsystem in bits 14–25, code in bits 0–13. Every value the user sees is decoded to
/// a name where IOReturn.h has one, and to its three parts where it does not, so no refusal is a bare number.
/// </summary>
public readonly record struct IOReturnCode(uint Value)
{
    public const uint Success = 0;

    // iokit_common_err(n) = sys_iokit | sub_iokit_common | n = 0xE0000000 | n
    public const uint Error = 0xE00002BC;
    public const uint NoMemory = 0xE00002BD;
    public const uint NoResources = 0xE00002BE;
    public const uint NoDevice = 0xE00002C0;
    public const uint NotPrivileged = 0xE00002C1;
    public const uint BadArgument = 0xE00002C2;
    public const uint ExclusiveAccess = 0xE00002C5;
    public const uint Unsupported = 0xE00002C7;
    public const uint NotOpen = 0xE00002CD;
    public const uint Busy = 0xE00002D5;
    public const uint Timeout = 0xE00002D6;
    public const uint Offline = 0xE00002D7;
    public const uint NotReady = 0xE00002D8;
    public const uint NotAttached = 0xE00002D9;
    public const uint NotPermitted = 0xE00002E2;
    public const uint NoPower = 0xE00002E3;
    public const uint DeviceError = 0xE00002E9;
    public const uint Aborted = 0xE00002EB;
    public const uint NotResponding = 0xE00002ED;
    public const uint NotFound = 0xE00002F0;

    /// <summary>From the signed <c>kern_return_t</c> the native call returned.</summary>
    public static IOReturnCode From(int value) => new(unchecked((uint)value));

    public bool IsSuccess => Value == Success;

    /// <summary>Bits 26–31: 0x38 is IOKit, 0 the kernel.</summary>
    public uint System => (Value >> 26) & 0x3F;

    /// <summary>Bits 14–25: 0 is IOKit's common codes, 14 the HID system...</summary>
    public uint Subsystem => (Value >> 14) & 0xFFF;

    /// <summary>Bits 0–13.</summary>
    public uint Code => Value & 0x3FFF;

    /// <summary>The IOReturn.h constant, e.g. <c>kIOReturnNotPermitted</c>; null for a code it does not name.</summary>
    public string? Name => Value switch
    {
        Success => "kIOReturnSuccess",
        Error => "kIOReturnError",
        NoMemory => "kIOReturnNoMemory",
        NoResources => "kIOReturnNoResources",
        0xE00002BF => "kIOReturnIPCError",
        NoDevice => "kIOReturnNoDevice",
        NotPrivileged => "kIOReturnNotPrivileged",
        BadArgument => "kIOReturnBadArgument",
        0xE00002C3 => "kIOReturnLockedRead",
        0xE00002C4 => "kIOReturnLockedWrite",
        ExclusiveAccess => "kIOReturnExclusiveAccess",
        0xE00002C6 => "kIOReturnBadMessageID",
        Unsupported => "kIOReturnUnsupported",
        0xE00002C8 => "kIOReturnVMError",
        0xE00002C9 => "kIOReturnInternalError",
        0xE00002CA => "kIOReturnIOError",
        0xE00002CC => "kIOReturnCannotLock",
        NotOpen => "kIOReturnNotOpen",
        0xE00002CE => "kIOReturnNotReadable",
        0xE00002CF => "kIOReturnNotWritable",
        0xE00002D0 => "kIOReturnNotAligned",
        0xE00002D1 => "kIOReturnBadMedia",
        0xE00002D2 => "kIOReturnStillOpen",
        0xE00002D3 => "kIOReturnRLDError",
        0xE00002D4 => "kIOReturnDMAError",
        Busy => "kIOReturnBusy",
        Timeout => "kIOReturnTimeout",
        Offline => "kIOReturnOffline",
        NotReady => "kIOReturnNotReady",
        NotAttached => "kIOReturnNotAttached",
        0xE00002DA => "kIOReturnNoChannels",
        0xE00002DB => "kIOReturnNoSpace",
        0xE00002DD => "kIOReturnPortExists",
        0xE00002DE => "kIOReturnCannotWire",
        0xE00002DF => "kIOReturnNoInterrupt",
        0xE00002E0 => "kIOReturnNoFrames",
        0xE00002E1 => "kIOReturnMessageTooLarge",
        NotPermitted => "kIOReturnNotPermitted",
        NoPower => "kIOReturnNoPower",
        0xE00002E4 => "kIOReturnNoMedia",
        0xE00002E5 => "kIOReturnUnformattedMedia",
        0xE00002E6 => "kIOReturnUnsupportedMode",
        0xE00002E7 => "kIOReturnUnderrun",
        0xE00002E8 => "kIOReturnOverrun",
        DeviceError => "kIOReturnDeviceError",
        0xE00002EA => "kIOReturnNoCompletion",
        Aborted => "kIOReturnAborted",
        0xE00002EC => "kIOReturnNoBandwidth",
        NotResponding => "kIOReturnNotResponding",
        0xE00002EE => "kIOReturnIsoTooOld",
        0xE00002EF => "kIOReturnIsoTooNew",
        NotFound => "kIOReturnNotFound",
        _ => null,
    };

    /// <summary>The system's name in &lt;mach/error.h&gt; terms.</summary>
    public string SystemName => System switch
    {
        0x00 => "kernel",
        0x01 => "user space",
        0x02 => "server",
        0x03 => "ipc",
        0x04 => "mach ipc",
        0x07 => "distributed ipc",
        0x38 => "iokit",
        0x3E => "local",
        0x3F => "ipc compat",
        _ => $"system 0x{System:x2}",
    };

    /// <summary>IOKit's subsystems (IOReturn.h <c>sub_iokit_*</c>); other systems print the number.</summary>
    public string SubsystemName => System != 0x38 ? $"subsystem 0x{Subsystem:x3}" : Subsystem switch
    {
        0 => "common",
        1 => "usb",
        2 => "firewire",
        4 => "block storage",
        5 => "graphics",
        6 => "networking",
        8 => "bluetooth",
        9 => "pmu",
        10 => "acpi",
        11 => "smbus",
        12 => "ahci",
        13 => "power management",
        14 => "hid system",
        16 => "scsi",
        17 => "usb audio",
        18 => "wireless charging",
        29 => "thunderbolt",
        0xFFE => "vendor specific",
        0xFFF => "reserved",
        _ => $"subsystem 0x{Subsystem:x3}",
    };

    /// <summary>
    /// For messages: <c>kIOReturnNotPermitted (0xe00002e2)</c>, or for an unnamed one
    /// <c>0xe0005001 (iokit, hid system, code 0x1)</c>.
    /// </summary>
    public override string ToString() =>
        Name is { } name ? $"{name} (0x{Value:x8})" : $"0x{Value:x8} ({SystemName}, {SubsystemName}, code 0x{Code:x})";
}
