package org.grassroots.assessment.bundle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An exact map from short ASCII keys of one or two parts (a memberId and a period, a visitId) to
 * the record index where each was first seen, in about 20 bytes per key.
 *
 * <p>Hand-written instead of a {@code HashMap<record, Integer>}: a province's bundle carries
 * millions of member records, and the JDK map costs some 150 bytes per key (node, key record, its
 * strings, boxed index), more than a 1 GiB heap can spare; no primitive-collection library is on
 * the engine's class path. Keys are stored as bytes in 1 MiB pages, the table holds key numbers.
 */
final class CompactKeys {

    private static final int PAGE_BITS = 20;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;
    private static final int MAX_KEY_BYTES = 255;

    private final List<byte[]> pages = new ArrayList<>();
    private int pageUsed = PAGE_SIZE;
    /** By key number: where its bytes start (page and offset), its hash and its value. */
    private int[] address = new int[256];
    private int[] hashes = new int[256];
    private int[] values = new int[256];
    private int size;
    /** Open addressing, linear probing: key number + 1, or 0 for an empty slot. */
    private int[] table = new int[512];
    private final byte[] scratch = new byte[MAX_KEY_BYTES];

    /**
     * Adds the key with {@code value} unless it is there; returns the value of the key already
     * there, or -1 when it was added. Both parts must be ASCII (codes and periods are).
     */
    int putIfAbsent(String first, String second, int value) {
        int length = encode(first, second);
        if (length < 0) {
            throw new IllegalArgumentException("not a short ASCII key: " + first + " " + second);
        }
        int hash = hash(length);
        int mask = table.length - 1;
        int slot = hash & mask;
        while (table[slot] != 0) {
            int key = table[slot] - 1;
            if (hashes[key] == hash && sameBytes(key, length)) {
                return values[key];
            }
            slot = (slot + 1) & mask;
        }
        add(hash, length, value);
        table[slot] = size;
        if (size * 2L > table.length) {
            rehash();
        }
        return -1;
    }

    boolean contains(String first, String second) {
        int length = encode(first, second);
        if (length < 0) {
            return false;
        }
        int hash = hash(length);
        int mask = table.length - 1;
        for (int slot = hash & mask; table[slot] != 0; slot = (slot + 1) & mask) {
            int key = table[slot] - 1;
            if (hashes[key] == hash && sameBytes(key, length)) {
                return true;
            }
        }
        return false;
    }

    /** The key's bytes into {@code scratch}; their number, or -1 when the key is too long or not ASCII. */
    private int encode(String first, String second) {
        int length = first.length() + 1 + second.length();
        if (length > MAX_KEY_BYTES || !put(first, 0)) {
            return -1;
        }
        scratch[first.length()] = 0;
        return put(second, first.length() + 1) ? length : -1;
    }

    private boolean put(String text, int at) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || c > 0x7f) {
                return false;
            }
            scratch[at + i] = (byte) c;
        }
        return true;
    }

    private int hash(int length) {
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + scratch[i];
        }
        // spread the bits: codes differ mostly in their last characters
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    private boolean sameBytes(int key, int length) {
        byte[] page = pages.get(address[key] >>> PAGE_BITS);
        int at = address[key] & (PAGE_SIZE - 1);
        if ((page[at] & 0xff) != length) {
            return false;
        }
        return Arrays.equals(page, at + 1, at + 1 + length, scratch, 0, length);
    }

    private void add(int hash, int length, int value) {
        if (pageUsed + 1 + length > PAGE_SIZE) {
            pages.add(new byte[PAGE_SIZE]);
            pageUsed = 0;
        }
        if (size == address.length) {
            int grown = size + (size >> 1);
            address = Arrays.copyOf(address, grown);
            hashes = Arrays.copyOf(hashes, grown);
            values = Arrays.copyOf(values, grown);
        }
        byte[] page = pages.get(pages.size() - 1);
        page[pageUsed] = (byte) length;
        System.arraycopy(scratch, 0, page, pageUsed + 1, length);
        address[size] = (pages.size() - 1) << PAGE_BITS | pageUsed;
        hashes[size] = hash;
        values[size] = value;
        pageUsed += 1 + length;
        size++;
    }

    private void rehash() {
        int[] grown = new int[table.length * 2];
        int mask = grown.length - 1;
        for (int key = 0; key < size; key++) {
            int slot = hashes[key] & mask;
            while (grown[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            grown[slot] = key + 1;
        }
        table = grown;
    }
}
