/**
 * The batch screens: the launch panel, the live batch panel with its queue, and the Batch menu. View models
 * hold properties only (no {@code javafx.scene}); engine calls go through {@code BatchGateway} on the
 * {@code TaskExecutor}, and snapshots come back through a {@code FrameCoalescer}.
 */
package dev.goldsmith.ui.batch;
