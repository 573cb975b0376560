using System.Runtime.InteropServices;

namespace Remapper.Tray.Linux;

/// <summary>
/// The few GLib/GTK 3/AppIndicator functions the tray uses. Source-generated (AOT-safe). Nothing here may be called
/// before <see cref="NativeLibraries.TryLoad"/> succeeded, and — except <see cref="g_idle_add"/> — only on the
/// GTK main thread.
/// </summary>
internal static unsafe partial class GtkNative
{
    public const string Glib = "libglib-2.0.so.0";
    public const string GObject = "libgobject-2.0.so.0";
    public const string Gtk = "libgtk-3.so.0";
    public const string AppIndicator = "libayatana-appindicator3.so.1";

    public const int AppIndicatorCategoryApplicationStatus = 0;
    public const int AppIndicatorStatusActive = 1;
    public const int GtkWindowToplevel = 0;

    // GLib: the one call that is safe from any thread, used to hand work to the GTK main loop.
    [LibraryImport(Glib)]
    public static partial uint g_idle_add(delegate* unmanaged<nint, int> function, nint data);

    [LibraryImport(GObject, StringMarshalling = StringMarshalling.Utf8)]
    public static partial ulong g_signal_connect_data(nint instance, string detailedSignal, delegate* unmanaged<nint, nint, void> handler,
        nint data, nint destroyData, int connectFlags);

    [LibraryImport(Gtk)]
    public static partial int gtk_init_check(nint argc, nint argv);

    [LibraryImport(Gtk)]
    public static partial void gtk_main();

    [LibraryImport(Gtk)]
    public static partial void gtk_main_quit();

    [LibraryImport(Gtk)]
    public static partial nint gtk_menu_new();

    [LibraryImport(Gtk, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint gtk_menu_item_new_with_label(string label);

    [LibraryImport(Gtk)]
    public static partial nint gtk_separator_menu_item_new();

    [LibraryImport(Gtk)]
    public static partial void gtk_menu_shell_append(nint menuShell, nint child);

    [LibraryImport(Gtk)]
    public static partial void gtk_widget_set_sensitive(nint widget, int sensitive);

    [LibraryImport(Gtk)]
    public static partial void gtk_widget_show_all(nint widget);

    [LibraryImport(Gtk)]
    public static partial void gtk_widget_destroy(nint widget);

    [LibraryImport(Gtk)]
    public static partial nint gtk_window_new(int type);

    [LibraryImport(Gtk, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void gtk_window_set_title(nint window, string title);

    [LibraryImport(Gtk)]
    public static partial void gtk_window_set_default_size(nint window, int width, int height);

    [LibraryImport(Gtk)]
    public static partial nint gtk_scrolled_window_new(nint hadjustment, nint vadjustment);

    [LibraryImport(Gtk)]
    public static partial nint gtk_text_view_new();

    [LibraryImport(Gtk)]
    public static partial void gtk_text_view_set_editable(nint textView, int editable);

    [LibraryImport(Gtk)]
    public static partial void gtk_text_view_set_monospace(nint textView, int monospace);

    [LibraryImport(Gtk)]
    public static partial nint gtk_text_view_get_buffer(nint textView);

    [LibraryImport(Gtk, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void gtk_text_buffer_set_text(nint buffer, string text, int length);

    [LibraryImport(Gtk)]
    public static partial void gtk_container_add(nint container, nint widget);

    [LibraryImport(AppIndicator, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint app_indicator_new(string id, string iconName, int category);

    [LibraryImport(AppIndicator, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void app_indicator_set_icon_theme_path(nint indicator, string path);

    [LibraryImport(AppIndicator, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void app_indicator_set_icon_full(nint indicator, string iconName, string description);

    [LibraryImport(AppIndicator, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void app_indicator_set_title(nint indicator, string title);

    [LibraryImport(AppIndicator)]
    public static partial void app_indicator_set_status(nint indicator, int status);

    [LibraryImport(AppIndicator)]
    public static partial void app_indicator_set_menu(nint indicator, nint menu);
}
