/**
 * The Settings tab: provider, model, key, limits, prices and theme, saved to the settings table (the key to an
 * owner-only file, never the database), and Test connection. View models here import no {@code javafx.scene}.
 */
package dev.goldsmith.ui.settings;
