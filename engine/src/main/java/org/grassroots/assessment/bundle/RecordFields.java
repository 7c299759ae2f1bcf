package org.grassroots.assessment.bundle;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The fields of one record's JSON object, in the order written: two arrays searched from the start.
 *
 * <p>Why not the {@code LinkedHashMap} an {@code ObjectNode} holds by default: a bundle has hundreds
 * of thousands of records of about ten fields each, read once and thrown away. A hash map builds an
 * entry object per field and a table per record (hash-map code took about 30 % of the samples of a
 * 10,000-organization import's read); here a record costs two small arrays, and a look-up compares
 * the names' cached hashes before their text. Reading that bundle warm, the reading thread used 5–12 %
 * less CPU (BENCHMARKS.md, issue 17). A record with more fields than any of the format's (a hostile
 * or broken file: tens of thousands of unknown ones) gets a hash index, so that reading it, and its
 * duplicate-key check, stay linear.
 */
final class RecordFields extends AbstractMap<String, JsonNode> {

    private static final int FIRST_CAPACITY = 12;
    /**
     * More fields than any record of the format has (period facts, the largest, have 43): from here on
     * look-ups go through an index.
     */
    private static final int INDEXED_ABOVE = 64;

    private String[] names = new String[FIRST_CAPACITY];
    private JsonNode[] values = new JsonNode[FIRST_CAPACITY];
    private int size;
    /** Each name's place, only while there are more than {@link #INDEXED_ABOVE} fields. */
    private Map<String, Integer> index;

    private int indexOf(Object name) {
        if (!(name instanceof String text)) {
            return -1;
        }
        if (index != null) {
            return index.getOrDefault(text, -1);
        }
        // names and the literals asked for are different instances with cached hashes: compare those first
        int hash = text.hashCode();
        for (int i = 0; i < size; i++) {
            String field = names[i];
            if (field == text || field.hashCode() == hash && field.equals(text)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public JsonNode get(Object name) {
        int i = indexOf(name);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object name) {
        return indexOf(name) >= 0;
    }

    @Override
    public JsonNode put(String name, JsonNode value) {
        int i = indexOf(name);
        if (i >= 0) {
            JsonNode old = values[i];
            values[i] = value;
            return old;
        }
        append(name, value);
        return null;
    }

    /** Adds a field the caller knows is not there yet (the reader checks for duplicate keys first). */
    void append(String name, JsonNode value) {
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        names[size] = name;
        values[size] = value;
        size++;
        if (index != null) {
            index.put(name, size - 1);
        } else if (size > INDEXED_ABOVE) {
            reindex();
        }
    }

    private void reindex() {
        index = null;
        if (size > INDEXED_ABOVE) {
            Map<String, Integer> places = new HashMap<>(size * 2);
            for (int i = 0; i < size; i++) {
                places.put(names[i], i);
            }
            index = places;
        }
    }

    @Override
    public JsonNode remove(Object name) {
        int i = indexOf(name);
        if (i < 0) {
            return null;
        }
        JsonNode old = values[i];
        removeAt(i);
        return old;
    }

    private void removeAt(int i) {
        System.arraycopy(names, i + 1, names, i, size - i - 1);
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        size--;
        names[size] = null;
        values[size] = null;
        if (index != null) {
            reindex();
        }
    }

    @Override
    public int size() {
        return size;
    }

    /**
     * The names in the order written, read-only, without an entry object per field (the unknown-field
     * check reads them all).
     */
    @Override
    public Set<String> keySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<String> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public String next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        return names[next++];
                    }
                };
            }

            @Override
            public boolean contains(Object name) {
                return indexOf(name) >= 0;
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    @Override
    public Set<Map.Entry<String, JsonNode>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, JsonNode>> iterator() {
                return new Iterator<>() {
                    private int next;
                    private int last = -1;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Map.Entry<String, JsonNode> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        last = next++;
                        return new Field(last);
                    }

                    @Override
                    public void remove() {
                        if (last < 0) {
                            throw new IllegalStateException();
                        }
                        removeAt(last);
                        next = last;
                        last = -1;
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** One field seen through {@link #entrySet()}; setting its value writes through. */
    private final class Field implements Map.Entry<String, JsonNode> {
        private final int index;

        Field(int index) {
            this.index = index;
        }

        @Override
        public String getKey() {
            return names[index];
        }

        @Override
        public JsonNode getValue() {
            return values[index];
        }

        @Override
        public JsonNode setValue(JsonNode value) {
            JsonNode old = values[index];
            values[index] = value;
            return old;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Map.Entry<?, ?> e && getKey().equals(e.getKey()) && getValue().equals(e.getValue());
        }

        @Override
        public int hashCode() {
            return getKey().hashCode() ^ getValue().hashCode();
        }

        @Override
        public String toString() {
            return getKey() + "=" + getValue();
        }
    }
}
