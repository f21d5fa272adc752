package no.partnerskap.audit;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree of RFC 6962 (Certificate Transparency) over event hashes in global order:
 * leaves and inner nodes are hashed with different prefixes, and an inclusion proof is the
 * list of sibling hashes from a leaf up to the root.
 */
public final class MerkleTree {

    private MerkleTree() {
    }

    public static byte[] root(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return Hashes.sha256().digest();
        }
        return subtree(leaves, 0, leaves.size());
    }

    /** Sibling hashes from leaf {@code index} up to the root, lowest first. */
    public static List<byte[]> inclusionProof(List<byte[]> leaves, int index) {
        if (index < 0 || index >= leaves.size()) {
            throw new IllegalArgumentException("no leaf " + index + " among " + leaves.size());
        }
        List<byte[]> path = new ArrayList<>();
        path(leaves, index, 0, leaves.size(), path);
        return path;
    }

    /** Recomputes the root from a leaf and its proof (RFC 9162, section 2.1.3.2). */
    public static boolean verifyInclusion(byte[] leaf, long index, long size, List<byte[]> proof, byte[] root) {
        if (index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash(leaf);
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    private static byte[] subtree(List<byte[]> leaves, int from, int to) {
        if (to - from == 1) {
            return leafHash(leaves.get(from));
        }
        int split = from + largestPowerOfTwoBelow(to - from);
        return nodeHash(subtree(leaves, from, split), subtree(leaves, split, to));
    }

    private static void path(List<byte[]> leaves, int index, int from, int to, List<byte[]> path) {
        if (to - from == 1) {
            return;
        }
        int split = from + largestPowerOfTwoBelow(to - from);
        if (index < split) {
            path(leaves, index, from, split, path);
            path.add(subtree(leaves, split, to));
        } else {
            path(leaves, index, split, to, path);
            path.add(subtree(leaves, from, split));
        }
    }

    private static int largestPowerOfTwoBelow(int n) {
        int k = Integer.highestOneBit(n);
        return k == n ? k >> 1 : k;
    }

    static byte[] leafHash(byte[] leaf) {
        MessageDigest digest = Hashes.sha256();
        digest.update((byte) 0);
        digest.update(leaf);
        return digest.digest();
    }

    static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = Hashes.sha256();
        digest.update((byte) 1);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }
}
