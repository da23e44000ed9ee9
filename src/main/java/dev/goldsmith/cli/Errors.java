package dev.goldsmith.cli;

/** The one-sentence errors several commands share. */
final class Errors {

    private Errors() {
    }

    static InvalidInputException noSuchVault(String vaultId) {
        return new InvalidInputException("No vault with id '" + vaultId + "'; run 'goldsmith vaults' to list them.");
    }
}
