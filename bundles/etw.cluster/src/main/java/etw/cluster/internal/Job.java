package etw.cluster.internal;

import java.io.IOException;

import etw.engine.RunException;

/**
 * The coordinator's side of one kind of clustered work: what it sends with the prepare message, how it cuts the
 * index range into blocks, and how it merges a member's answer. Members run the other side ({@link Worker}).
 * Kinds: {@link EnsembleJob} (sample indices, answered with histogram counts) and {@link SensitivityJob} (base rows
 * of a Saltelli design, answered with the rows' outputs).
 */
interface Job {
    /** The kind named in the prepare message: {@code ensemble} or {@code sensitivity}. */
    String kind();

    long seed();

    int samples();

    /** Work done before the blocks go out (an ensemble's pilot). */
    void start() throws RunException;

    /** The kind's data sent with the prepare message, after the bundle set (valid after {@link #start}). */
    byte[] data();

    /** The first index the members compute; the indices before it are done by {@link #start}. */
    int first();

    /** How many indices in a block, with {@code members} members listed. */
    int blockSize(int members);

    /** Merges a member's answer for indices {@code from} to {@code to - 1}; at most once per block. */
    void merge(int from, int to, byte[] answer) throws IOException;

    /** What an index is, for messages: "samples", "rows". */
    String unit();
}
