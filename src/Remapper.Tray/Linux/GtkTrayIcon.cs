using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Remapper.Tray.Model;

namespace Remapper.Tray.Linux;

/// <summary>
/// The icon and menu through libayatana-appindicator3 (StatusNotifierItem where the desktop has a watcher, else
/// its own XEmbed GtkStatusIcon fallback). Every GTK call happens on the thread that called <see cref="Run"/>; other
/// threads hand work over with <see cref="Post"/> (g_idle_add is the one thread-safe entry into GLib's loop).
/// </summary>
internal sealed unsafe class GtkTrayIcon
{
    // GTK callbacks are static functions; one tray per process.
    private static GtkTrayIcon? s_current;

    private readonly TrayController _controller;
    private readonly string? _iconDirectory;
    private readonly ConcurrentQueue<Action> _posted = new();
    private nint _indicator;
    private TrayView? _shown;

    public GtkTrayIcon(TrayController controller, string? iconDirectory)
    {
        _controller = controller;
        _iconDirectory = iconDirectory;
    }

    /// <summary>Shows the icon and runs GTK's main loop until Quit tray. Returns an exit code.</summary>
    public int Run(Action<string> log)
    {
        if (GtkNative.gtk_init_check(0, 0) == 0)
        {
            log("cannot open the display: run `remapper tray` inside a desktop session (DISPLAY or WAYLAND_DISPLAY must be set)");
            return 2;
        }
        s_current = this;
        var view = _controller.View;
        _indicator = GtkNative.app_indicator_new("remapper", view.IconName, GtkNative.AppIndicatorCategoryApplicationStatus);
        if (_iconDirectory is not null) GtkNative.app_indicator_set_icon_theme_path(_indicator, _iconDirectory);
        GtkNative.app_indicator_set_status(_indicator, GtkNative.AppIndicatorStatusActive);
        Apply(view);
        _controller.ViewChanged += v => Post(() => Apply(v));
        _controller.ShowText += (title, text) => Post(() => ShowTextWindow(title, text));
        _controller.Start();
        GtkNative.gtk_main();
        s_current = null;
        return 0;
    }

    private void Post(Action action)
    {
        _posted.Enqueue(action);
        GtkNative.g_idle_add(&DrainPosted, 0);
    }

    [UnmanagedCallersOnly]
    private static int DrainPosted(nint data)
    {
        if (s_current is { } tray)
            while (tray._posted.TryDequeue(out var action)) action();
        return 0; // G_SOURCE_REMOVE
    }

    [UnmanagedCallersOnly]
    private static void OnMenuItem(nint widget, nint data)
    {
        var command = (TrayCommand)(int)data;
        if (command == TrayCommand.Quit) GtkNative.gtk_main_quit();
        else s_current?._controller.Execute(command);
    }

    private void Apply(TrayView view)
    {
        var previous = _shown;
        _shown = view;
        if (previous is null || previous.IconName != view.IconName)
            GtkNative.app_indicator_set_icon_full(_indicator, view.IconName, view.Headline);
        // AppIndicator has no tooltip call; hosts show the title instead (and the menu repeats the details).
        if (previous is null || previous.Tooltip != view.Tooltip)
            GtkNative.app_indicator_set_title(_indicator, view.Tooltip);
        if (previous is null || !previous.Menu.Equals(view.Menu))
            GtkNative.app_indicator_set_menu(_indicator, BuildMenu(view.Menu)); // the indicator drops the old menu
    }

    private static nint BuildMenu(TrayMenu model)
    {
        var menu = GtkNative.gtk_menu_new();
        foreach (var item in model.Items)
        {
            var widget = item.Separator ? GtkNative.gtk_separator_menu_item_new() : GtkNative.gtk_menu_item_new_with_label(item.Label);
            if (!item.Separator)
            {
                GtkNative.gtk_widget_set_sensitive(widget, item.Enabled ? 1 : 0);
                if (item.Command != TrayCommand.None)
                    GtkNative.g_signal_connect_data(widget, "activate", &OnMenuItem, (int)item.Command, 0, 0);
            }
            GtkNative.gtk_menu_shell_append(menu, widget);
        }
        GtkNative.gtk_widget_show_all(menu);
        return menu;
    }

    private static void ShowTextWindow(string title, string text)
    {
        var window = GtkNative.gtk_window_new(GtkNative.GtkWindowToplevel);
        GtkNative.gtk_window_set_title(window, title);
        GtkNative.gtk_window_set_default_size(window, 720, 480);
        var scrolled = GtkNative.gtk_scrolled_window_new(0, 0);
        var textView = GtkNative.gtk_text_view_new();
        GtkNative.gtk_text_view_set_editable(textView, 0);
        GtkNative.gtk_text_view_set_monospace(textView, 1);
        GtkNative.gtk_text_buffer_set_text(GtkNative.gtk_text_view_get_buffer(textView), text, -1);
        GtkNative.gtk_container_add(scrolled, textView);
        GtkNative.gtk_container_add(window, scrolled);
        GtkNative.gtk_widget_show_all(window); // closing the window destroys it (GTK's default)
    }
}
