package dev.goldsmith.store;

/**
 * Which proposals to list; every part is optional ({@code null}: any).
 *
 * @param status as the proposals read now (a waiting one whose item changed reads stale)
 */
public record ProposalQuery(String batchId, String vaultId, ProposalStatus status) {

    public static ProposalQuery all() {
        return new ProposalQuery(null, null, null);
    }

    public static ProposalQuery ofBatch(String batchId) {
        return new ProposalQuery(batchId, null, null);
    }
}
