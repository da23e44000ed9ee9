/**
 * The JavaFX window: the composition root ({@code App}, {@code MainWindow}), the one road off the FX thread
 * ({@code TaskExecutor}), dialogs ({@code DialogService}), theme and strings; one sub-package per screen.
 * The only package that may import JavaFX. No SQL or HTTP here: view models call {@code store}/{@code batch}.
 */
package dev.goldsmith.ui;
