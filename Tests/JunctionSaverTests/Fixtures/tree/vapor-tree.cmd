tree Sources
