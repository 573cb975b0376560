using System.Text;

namespace Remapper.Tray.Tests.Desktop;

/// <summary>An RGB screenshot (read from ImageMagick's binary PPM) and the colour questions the desktop test asks.</summary>
internal sealed class ScreenPixels(int width, int height, byte[] rgb)
{
    public int Width { get; } = width;
    public int Height { get; } = height;

    public static ScreenPixels FromPpm(byte[] ppm)
    {
        // P6 <w> <h> <max> then one whitespace byte, then w*h*3 bytes.
        var fields = new List<string>();
        var i = 0;
        while (fields.Count < 4)
        {
            while (char.IsWhiteSpace((char)ppm[i])) i++;
            var start = i;
            while (!char.IsWhiteSpace((char)ppm[i])) i++;
            fields.Add(Encoding.ASCII.GetString(ppm, start, i - start));
        }
        if (fields[0] != "P6" || fields[3] != "255") throw new FormatException($"not an 8-bit binary PPM: {string.Join(" ", fields)}");
        int w = int.Parse(fields[1]), h = int.Parse(fields[2]);
        return new ScreenPixels(w, h, ppm.AsSpan(i + 1, w * h * 3).ToArray());
    }

    /// <summary>How many pixels in the rectangle are within <paramref name="tolerance"/> of <paramref name="colour"/> (0xRRGGBB).</summary>
    public int Count(int colour, int x0, int y0, int x1, int y1, int tolerance = 40)
    {
        int r = (colour >> 16) & 0xff, g = (colour >> 8) & 0xff, b = colour & 0xff;
        var count = 0;
        for (var y = y0; y < Math.Min(y1, Height); y++)
        for (var x = x0; x < Math.Min(x1, Width); x++)
        {
            var p = (y * Width + x) * 3;
            int dr = rgb[p] - r, dg = rgb[p + 1] - g, db = rgb[p + 2] - b;
            if (dr * dr + dg * dg + db * db <= tolerance * tolerance) count++;
        }
        return count;
    }

    /// <summary>The smallest rectangle holding every pixel that is not the black root window: the panel and any open menu.</summary>
    /// <param name="belowY">Only rows above this one (leaves out a dock at the bottom of the screen).</param>
    public (int X, int Y, int Width, int Height) ContentBounds(int? belowY = null)
    {
        int minX = Width, minY = Height, maxX = -1, maxY = -1;
        for (var y = 0; y < Math.Min(belowY ?? Height, Height); y++)
        for (var x = 0; x < Width; x++)
        {
            var p = (y * Width + x) * 3;
            if (rgb[p] + rgb[p + 1] + rgb[p + 2] == 0) continue;
            minX = Math.Min(minX, x);
            minY = Math.Min(minY, y);
            maxX = Math.Max(maxX, x);
            maxY = Math.Max(maxY, y);
        }
        return maxX < 0 ? (0, 0, Width, Height) : (minX, minY, maxX - minX + 1, maxY - minY + 1);
    }
}
