using Remapper.Core.Keymap;

namespace Remapper.Core.Engine.Mouse;

/// <summary>
/// The mouse-keys stage: which pointer buttons, directions, wheel directions, speed multipliers and Karabiner
/// <c>mouse_key</c> velocities are held, and the timers that turn held directions into motion reports. It owns its
/// state, its reset and its deadline; time is the engine's (event times and <see cref="RemapEngine.Advance"/>), so
/// the same input gives the same reports. Fixed-size tables: nothing allocates after construction.
/// </summary>
internal sealed class MouseKeys
{
    public const int ButtonCount = 8;

    /// <summary>Karabiner's mouse_key_handler reports every 20 ms; 128 units of a velocity make one pixel per report.</summary>
    public const long VectorIntervalUs = 20_000;
    public const int VectorUnitsPerPixel = 128;

    private const int MaxFactors = 32;
    private const long UsPerMs = 1000;

    private readonly IPointerOutput? _output;
    private readonly Func<long> _clock;
    private MouseSettings _settings = new();

    private readonly int[] _buttonHolds = new int[ButtonCount];
    private byte _buttons;

    // Held directions, indexed by MouseDirection.
    private readonly int[] _moveHolds = new int[4];
    private readonly int[] _wheelHolds = new int[4];
    private int _moveRepeat, _wheelRepeat;
    private long _moveAtUs = long.MaxValue, _wheelAtUs = long.MaxValue;

    // Held speed multipliers, by press token; _speed is their product.
    private readonly int[] _factorTokens = new int[MaxFactors];
    private readonly double[] _factors = new double[MaxFactors];
    private int _factorCount;
    private double _speed = 1.0;

    // Karabiner mouse_key velocities, summed over the held presses, and the sub-pixel remainders of each axis.
    private int _vx, _vy, _vWheel, _vPan;
    private int _rx, _ry, _rWheel, _rPan;
    private long _vectorAtUs = long.MaxValue;

    public MouseKeys(IPointerOutput? output, Func<long> clock)
    {
        _output = output;
        _clock = clock;
    }

    /// <summary>When <see cref="Fire"/> next has a report to send, or <see cref="long.MaxValue"/>.</summary>
    public long DeadlineUs => Math.Min(_moveAtUs, Math.Min(_wheelAtUs, _vectorAtUs));

    /// <summary>The buttons held now (bit 0 = button 1).</summary>
    public byte Buttons => _buttons;

    /// <summary>True while any motion (pointer, wheel or a velocity) is still to come.</summary>
    public bool Moving => DeadlineUs != long.MaxValue;

    public void Configure(MouseSettings settings) => _settings = settings;

    // ---- buttons ----

    public void PressButton(int button)
    {
        if ((uint)(button - 1) >= ButtonCount) return;
        if (_buttonHolds[button - 1]++ > 0) return;
        _buttons |= (byte)(1 << (button - 1));
        Send(0, 0, 0, 0, force: true);
    }

    public void ReleaseButton(int button)
    {
        if ((uint)(button - 1) >= ButtonCount || _buttonHolds[button - 1] == 0) return;
        if (--_buttonHolds[button - 1] > 0) return;
        _buttons &= (byte)~(1 << (button - 1));
        Send(0, 0, 0, 0, force: true);
    }

    // ---- pointer and wheel directions (QMK) ----

    public void PressMove(MouseDirection direction)
    {
        bool wasMoving = Any(_moveHolds);
        _moveHolds[(int)direction]++;
        if (!wasMoving)
        {
            _moveRepeat = 0;
            _moveAtUs = _clock() + Math.Max(1, _settings.DelayMs) * UsPerMs;
        }
        SendMoveStep(); // QMK sends a step at every direction press
    }

    public void ReleaseMove(MouseDirection direction)
    {
        if (_moveHolds[(int)direction] == 0) return;
        _moveHolds[(int)direction]--;
        if (Any(_moveHolds)) return;
        _moveRepeat = 0;
        _moveAtUs = long.MaxValue;
    }

    public void PressWheel(MouseDirection direction)
    {
        bool wasTurning = Any(_wheelHolds);
        _wheelHolds[(int)direction]++;
        if (!wasTurning)
        {
            _wheelRepeat = 0;
            _wheelAtUs = _clock() + Math.Max(1, _settings.WheelDelayMs) * UsPerMs;
        }
        SendWheelStep();
    }

    public void ReleaseWheel(MouseDirection direction)
    {
        if (_wheelHolds[(int)direction] == 0) return;
        _wheelHolds[(int)direction]--;
        if (Any(_wheelHolds)) return;
        _wheelRepeat = 0;
        _wheelAtUs = long.MaxValue;
    }

    // ---- speed multipliers ----

    public void PushFactor(int token, double factor)
    {
        if (_factorCount == MaxFactors) return; // its release will find nothing: the product stays consistent
        _factorTokens[_factorCount] = token;
        _factors[_factorCount++] = factor;
        SpeedChanged();
    }

    public void RemoveFactor(int token)
    {
        for (int i = 0; i < _factorCount; i++)
        {
            if (_factorTokens[i] != token) continue;
            _factorCount--;
            _factorTokens[i] = _factorTokens[_factorCount];
            _factors[i] = _factors[_factorCount];
            SpeedChanged();
            return;
        }
    }

    private void SpeedChanged()
    {
        double product = 1.0;
        for (int i = 0; i < _factorCount; i++) product *= _factors[i];
        _speed = product;
        ResetRemainders(); // Karabiner starts its sub-pixel counts over whenever the total changes
    }

    // ---- Karabiner mouse_key velocities ----

    public void AddVelocity(int x, int y, int verticalWheel, int horizontalWheel, int sign)
    {
        _vx += sign * x;
        _vy += sign * y;
        _vWheel += sign * verticalWheel;
        _vPan += sign * horizontalWheel;
        ResetRemainders();
        if (_vx == 0 && _vy == 0 && _vWheel == 0 && _vPan == 0)
        {
            _vectorAtUs = long.MaxValue;
            return;
        }
        if (_vectorAtUs != long.MaxValue) return;
        SendVectorStep();
        _vectorAtUs = _clock() + VectorIntervalUs;
    }

    // ---- timers and reset ----

    /// <summary>Sends the reports due by <paramref name="deadline"/> (one step per due timer; the engine calls again while any is due).</summary>
    public void Fire(long deadline)
    {
        if (_moveAtUs <= deadline)
        {
            if (_moveRepeat < int.MaxValue) _moveRepeat++;
            _moveAtUs += Math.Max(1, _settings.IntervalMs) * UsPerMs;
            SendMoveStep();
        }
        if (_wheelAtUs <= deadline)
        {
            if (_wheelRepeat < int.MaxValue) _wheelRepeat++;
            _wheelAtUs += Math.Max(1, _settings.WheelIntervalMs) * UsPerMs;
            SendWheelStep();
        }
        if (_vectorAtUs <= deadline)
        {
            _vectorAtUs += VectorIntervalUs;
            SendVectorStep();
        }
    }

    /// <summary>Lets go of every button and stops all motion (pause, emergency, reload, shutdown).</summary>
    public void Reset()
    {
        Array.Clear(_buttonHolds);
        Array.Clear(_moveHolds);
        Array.Clear(_wheelHolds);
        _moveRepeat = _wheelRepeat = 0;
        _moveAtUs = _wheelAtUs = _vectorAtUs = long.MaxValue;
        _factorCount = 0;
        _speed = 1.0;
        _vx = _vy = _vWheel = _vPan = 0;
        ResetRemainders();
        if (_buttons == 0) return;
        _buttons = 0;
        Send(0, 0, 0, 0, force: true);
    }

    private void SendMoveStep()
    {
        var s = _settings;
        var (x, y) = TwoAxisStep(_moveHolds, MouseDirection.Right, MouseDirection.Left, MouseDirection.Down, MouseDirection.Up,
            _moveRepeat, s.MoveDelta, s.MaxSpeed, s.TimeToMax, MouseCurve.MaxMove);
        Send(x, y, 0, 0, force: false); // nothing is sent for a zero step
    }

    private void SendWheelStep()
    {
        var s = _settings;
        var (w, p) = TwoAxisStep(_wheelHolds, MouseDirection.Up, MouseDirection.Down, MouseDirection.Right, MouseDirection.Left,
            _wheelRepeat, s.WheelDelta, s.WheelMaxSpeed, s.WheelTimeToMax, MouseCurve.MaxWheel);
        Send(0, 0, w, p, force: false);
    }

    /// <summary>
    /// One step of a pair of axes (motion's x/y, or wheel and pan) from the directions held: the curve's unit for this
    /// repeat, scaled by the speed multiplier, times each axis's sign, both scaled down together on a diagonal (QMK).
    /// </summary>
    private (int A, int B) TwoAxisStep(int[] holds, MouseDirection aPlus, MouseDirection aMinus, MouseDirection bPlus,
        MouseDirection bMinus, int repeat, int delta, int maxSpeed, int timeToMax, int cap)
    {
        int da = Axis(holds, aPlus, aMinus), db = Axis(holds, bPlus, bMinus);
        if (da == 0 && db == 0) return (0, 0);
        int unit = MouseCurve.Scale(MouseCurve.Step(_settings.Mode, repeat, delta, maxSpeed, timeToMax, cap), _speed, cap);
        int a = da * unit, b = db * unit;
        if (a != 0 && b != 0)
        {
            a = MouseCurve.Diagonal(a);
            b = MouseCurve.Diagonal(b);
        }
        return (a, b);
    }

    private void SendVectorStep()
    {
        int x = Pixels(ref _rx, _vx, MouseCurve.MaxMove);
        int y = Pixels(ref _ry, _vy, MouseCurve.MaxMove);
        // Karabiner's +vertical_wheel scrolls down and +horizontal_wheel left: HID's wheel and pan point the other way.
        int wheel = -Pixels(ref _rWheel, _vWheel, MouseCurve.MaxWheel);
        int pan = -Pixels(ref _rPan, _vPan, MouseCurve.MaxWheel);
        Send(x, y, wheel, pan, force: false);
    }

    /// <summary>Karabiner's count_converter: velocity × speed adds up; each whole 128 is one unit of this report.</summary>
    private int Pixels(ref int remainder, int velocity, int cap)
    {
        remainder += (int)(velocity * _speed);
        int units = remainder / VectorUnitsPerPixel;
        remainder -= units * VectorUnitsPerPixel;
        return Math.Clamp(units, -cap, cap);
    }

    private void ResetRemainders() => _rx = _ry = _rWheel = _rPan = 0;

    private void Send(int x, int y, int wheel, int pan, bool force)
    {
        if (!force && x == 0 && y == 0 && wheel == 0 && pan == 0) return;
        _output?.SendPointer(new PointerReport(_buttons, (short)x, (short)y, (sbyte)wheel, (sbyte)pan));
    }

    private static int Axis(int[] holds, MouseDirection plus, MouseDirection minus) =>
        (holds[(int)plus] > 0 ? 1 : 0) - (holds[(int)minus] > 0 ? 1 : 0);

    private static bool Any(int[] holds) => holds[0] + holds[1] + holds[2] + holds[3] > 0;
}
