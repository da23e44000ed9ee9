package dev.goldsmith.batch;

import dev.goldsmith.store.StoreException;

/** Another process took this batch over (it read it as interrupted and resumed it): this run must stop writing. */
final class OwnershipLostException extends StoreException {
    OwnershipLostException(String batchId) {
        super("Another Goldsmith process took batch " + batchId + " over; this one stopped and left it to that process.");
    }
}
