/**
 * The entry point ({@code Main}: the window with no arguments, a headless command otherwise) and the composition
 * root ({@code Services}) shared by the window and the command line. JavaFX only through {@code ui.Gui}.
 */
package dev.goldsmith;
