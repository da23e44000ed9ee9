package dev.goldsmith.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The window's strings ({@code dev/goldsmith/ui/messages.properties}): FXML uses {@code %key}, code uses {@link #get}. */
public final class Messages {

    public static final String BUNDLE = "dev.goldsmith.ui.messages";

    private final ResourceBundle bundle;

    private Messages(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    public static Messages load() {
        return load(Locale.getDefault());
    }

    public static Messages load(Locale locale) {
        return new Messages(ResourceBundle.getBundle(BUNDLE, locale));
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    /** Whether the bundle has {@code key} (for keys built at run time, such as a provider's name). */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The string for {@code key}, with {@code {0}}-style arguments filled in when given. */
    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(args);
    }
}
