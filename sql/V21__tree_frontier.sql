-- The right edge of each Merkle tree as of a signed checkpoint: the hashes of the perfect subtrees
-- that make up the tree of tree_size leaves (one per set bit of the size, largest first, hex,
-- concatenated). A checkpoint writer that has no tree in memory (after a start) resumes from the
-- newest one instead of reading every leaf, once it has found that it folds to the root a valid
-- checkpoint of that size signed. Runs unchanged on Apache Derby and PostgreSQL.
--
-- Append-only like the checkpoints: the application only ever inserts. tree_name is 'journal' or a
-- sealed log's name.
CREATE TABLE tree_frontier (
    tree_name      VARCHAR(40) NOT NULL,
    tree_size      BIGINT NOT NULL,
    subtree_hashes VARCHAR(4096) NOT NULL,
    PRIMARY KEY (tree_name, tree_size)
);
