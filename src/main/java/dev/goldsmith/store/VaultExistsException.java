package dev.goldsmith.store;

/** An import of a vault id the store already holds, without merge. Nothing was changed. */
public class VaultExistsException extends StoreException {

    private final String vaultId;

    public VaultExistsException(String vaultId) {
        super("A vault with id '" + vaultId + "' already exists; merge into it to update its items, "
                + "or import under another id.");
        this.vaultId = vaultId;
    }

    public String vaultId() {
        return vaultId;
    }
}
