package dev.goldsmith.ui.batch;

import dev.goldsmith.ui.TaskExecutor;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop's notification, through {@link SystemTray} when the system has one. Many Linux desktops do not
 * ({@code isSupported()} is false, and always when headless): then it does nothing. AWT is touched only in the
 * background and only when a notification is due; any failure is logged and never reaches the user.
 */
public final class DesktopNotifier implements Consumer<String> {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopNotifier.class);

    private final TaskExecutor executor;
    private final String title;
    private TrayIcon icon;
    private boolean unavailable;

    public DesktopNotifier(TaskExecutor executor, String title) {
        this.executor = executor;
        this.title = title;
    }

    @Override
    public void accept(String message) {
        executor.submit(() -> {
            show(message);
            return null;
        }, ok -> { }, failure -> LOG.info("desktop notification not shown: {}", failure.toString()));
    }

    private synchronized void show(String message) throws Exception {
        if (unavailable) {
            return;
        }
        if (icon == null) {
            if (java.awt.GraphicsEnvironment.isHeadless() || !SystemTray.isSupported()) {
                unavailable = true;
                LOG.info("no system tray on this desktop: batch notifications stay in the window");
                return;
            }
            icon = new TrayIcon(new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB), title);
            icon.setImageAutoSize(true);
            SystemTray.getSystemTray().add(icon);
        }
        icon.displayMessage(title, message, TrayIcon.MessageType.INFO);
    }
}
