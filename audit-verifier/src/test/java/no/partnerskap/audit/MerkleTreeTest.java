package no.partnerskap.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    private static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(Hashes.sha256().digest(("event " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    @Test
    void every_leaf_of_every_tree_size_proves_its_inclusion() {
        for (int size = 1; size <= 33; size++) {
            List<byte[]> leaves = leaves(size);
            byte[] root = MerkleTree.root(leaves);
            for (int i = 0; i < size; i++) {
                List<byte[]> proof = MerkleTree.inclusionProof(leaves, i);
                assertThat(MerkleTree.verifyInclusion(leaves.get(i), i, size, proof, root))
                        .as("leaf %d of %d", i, size).isTrue();
            }
        }
    }

    @Test
    void a_changed_leaf_or_wrong_position_does_not_prove_inclusion() {
        List<byte[]> leaves = leaves(10);
        byte[] root = MerkleTree.root(leaves);
        List<byte[]> proof = MerkleTree.inclusionProof(leaves, 3);
        byte[] changed = leaves.get(3).clone();
        changed[0] ^= 1;
        assertThat(MerkleTree.verifyInclusion(changed, 3, 10, proof, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(leaves.get(3), 4, 10, proof, root)).isFalse();
    }

    @Test
    void the_root_changes_with_any_leaf_and_with_the_order() {
        List<byte[]> leaves = leaves(7);
        byte[] root = MerkleTree.root(leaves);
        List<byte[]> swapped = new ArrayList<>(leaves);
        swapped.set(2, leaves.get(5));
        swapped.set(5, leaves.get(2));
        assertThat(MerkleTree.root(swapped)).isNotEqualTo(root);
        assertThat(MerkleTree.root(leaves.subList(0, 6))).isNotEqualTo(root);
    }
}
