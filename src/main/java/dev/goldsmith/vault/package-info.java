/**
 * Vaults and their items: immutable records, {@code ItemType}, {@code QualityTier}, and the vault file formats.
 * Imports nothing from the rest of Goldsmith and nothing from JavaFX.
 */
package dev.goldsmith.vault;
