package dev.goldsmith.batch;

/** A batch request that cannot be carried out as asked (unknown vault, item or batch; wrong state). Nothing was changed. */
public class BatchRequestException extends IllegalArgumentException {
    public BatchRequestException(String message) {
        super(message);
    }
}
