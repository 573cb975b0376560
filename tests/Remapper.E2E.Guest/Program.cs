using Remapper.E2E.Guest;
using Remapper.E2E.Guest.Commands;

// Guest-side test tool for the e2e suite; see docs/e2e.md. One line of error on stderr and exit code 1 on failure.
const string Usage = """
    usage: e2e-guest <command> ...
      uhid-keyboard --name N [--bus usb|bluetooth|spi|i2c|0xNN] [--vendor 0xVVVV] [--product 0xPPPP]
                    [--descriptor boot] [--uniq U] [--input FIFO]
          creates a keyboard through /dev/uhid, prints "event /dev/input/eventN", then reads lines
          (down KEY | up KEY | tap KEY | sleep MS | quit; several per line with ';') from stdin or FIFO
      read-events /dev/input/eventN [--grab] [--count N] [--timeout-ms T]
          prints "KEY_X down|up|repeat SECONDS" per key event
      list
          one line per input device: node, bus, vendor, product, lit LEDs, held keys, uniq, name
      state /dev/input/eventN
          lit LEDs and held keys of one node
      set-led /dev/input/eventN caps_lock|num_lock|scroll_lock on|off
          writes an EV_LED event to the node, as a desktop does to set a keyboard's LED
      latency --pipeline CMD --output-name NAME [--ready-line T] [--workloads taps,typing,flood,taphold] [--soak N] [--raw FILE]
              [--ftrace] [--perf-control CTL,ACK]   (trace or sample only the workloads, not start-up and warm-up)
              [--perf-startup]   (with --perf-control and --ready-line: sample the pipeline's start, exec to ready, instead)
          end-to-end latency through a pipeline ({source} in CMD = the source keyboard's node); see docs/performance.md
      floor --source /dev/input/eventN --output uinput|uhid [--report boot|bitmap] [--name N]
          the smallest remapper: seizes the source and copies each read() to uinput unchanged, or writes one
          boot-keyboard report per key change to uhid; prints "floor: ready" (the latency tables' floors)
    """;

if (args.Length == 0)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

try
{
    string[] rest = args[1..];
    return args[0] switch
    {
        "uhid-keyboard" => UhidKeyboardCommand.Run(rest),
        "read-events" => ReadEventsCommand.Run(rest),
        "list" => ListCommand.Run(rest),
        "state" => StateCommand.Run(rest),
        "set-led" => SetLedCommand.Run(rest),
        "latency" => LatencyCommand.Run(rest),
        "floor" => FloorCommand.Run(rest),
        _ => throw new GuestToolException($"unknown command '{args[0]}'\n{Usage}"),
    };
}
catch (GuestToolException e)
{
    Console.Error.WriteLine($"e2e-guest {args[0]}: {e.Message}");
    return 1;
}
