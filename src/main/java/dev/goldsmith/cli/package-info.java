/**
 * The command line of DESIGN §6: picocli commands, one per file, thin over the services.
 * May import every package except {@code ui}; never JavaFX.
 */
package dev.goldsmith.cli;
