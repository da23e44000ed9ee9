package dev.goldsmith.store;

/**
 * What an import did to the store.
 *
 * @param added     items that were new to the vault
 * @param updated   existing items (merge only) whose type, content, tier, keywords or score changed
 * @param unchanged existing items (merge only) the file repeated exactly
 */
public record ImportResult(String vaultId, String vaultName, boolean vaultCreated, int added, int updated,
                           int unchanged) {
}
