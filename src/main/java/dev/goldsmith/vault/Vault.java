package dev.goldsmith.vault;

import java.time.Instant;
import java.util.Objects;

/** One person's career vault. */
public record Vault(String id, String name, String owner, Instant createdAt, Instant updatedAt) {
    public Vault {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
