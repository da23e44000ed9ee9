package dev.goldsmith.review;

/** How many proposals read pending (waiting and still applicable), accepted, rejected and stale. */
public record ReviewCounts(int pending, int accepted, int rejected, int stale) {

    public int total() {
        return pending + accepted + rejected + stale;
    }
}
