package org.grassroots.assessment.server.organization;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Maps a flat record of the model to table columns of the same names in snake case
 * ({@code floatingMembersInContact} ↔ {@code floating_members_in_contact}): enums are stored by
 * name, and the components listed as money go to {@code numeric(16, 2)} columns.
 */
final class RecordColumnMapping<T extends Record> {

    private final List<String> columns;
    private final Method[] accessors;
    private final Class<?>[] types;
    private final boolean[] money;
    private final Constructor<T> constructor;

    private RecordColumnMapping(Class<T> type, Set<String> moneyComponents) {
        RecordComponent[] components = type.getRecordComponents();
        List<String> names = new ArrayList<>(components.length);
        accessors = new Method[components.length];
        types = new Class<?>[components.length];
        money = new boolean[components.length];
        for (int i = 0; i < components.length; i++) {
            names.add(snakeCase(components[i].getName()));
            accessors[i] = components[i].getAccessor();
            // no access check per call: an import reads every component of hundreds of thousands of records
            accessors[i].setAccessible(true);
            types[i] = components[i].getType();
            money[i] = moneyComponents.contains(components[i].getName());
        }
        columns = List.copyOf(names);
        try {
            constructor = type.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("no canonical constructor of " + type, e);
        }
    }

    static <T extends Record> RecordColumnMapping<T> of(Class<T> type, String... moneyComponents) {
        return new RecordColumnMapping<>(type, Set.of(moneyComponents));
    }

    /** The column names, in the order of the record's components. */
    List<String> columns() {
        return columns;
    }

    /** The record's values as JDBC parameters, in the order of {@link #columns()}. */
    Object[] values(T record) {
        Object[] values = new Object[accessors.length];
        for (int i = 0; i < accessors.length; i++) {
            values[i] = value(record, i);
        }
        return values;
    }

    /** Component {@code i} of the record as its column's JDBC parameter. */
    private Object value(T record, int i) {
        Object value = invoke(accessors[i], record);
        if (value instanceof Enum<?> e) {
            return e.name();
        } else if (money[i] && value instanceof Double d) {
            return BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_UP);
        }
        return value;
    }

    /** The columns other than the key columns, in the order of the record's components. */
    List<String> columnsBesides(List<String> keyColumns) {
        return columns.stream().filter(c -> !keyColumns.contains(c)).toList();
    }

    /**
     * This mapping with the key columns first (in the order given), then the others (in the order of
     * {@link #columnsBesides}): the parameter order of {@link org.grassroots.assessment.server.storage.BatchUpsertRepository}.
     * The order is worked out here, once; a repository keeps the result beside its key list.
     */
    KeysFirst<T> keysFirst(List<String> keyColumns) {
        int[] order = new int[columns.size()];
        int n = 0;
        for (String key : keyColumns) {
            int index = columns.indexOf(key);
            if (index < 0) {
                throw new IllegalArgumentException("no column " + key + " among " + columns);
            }
            order[n++] = index;
        }
        for (int i = 0; i < columns.size(); i++) {
            if (!keyColumns.contains(columns.get(i))) {
                order[n++] = i;
            }
        }
        return new KeysFirst<>(this, order);
    }

    /** A mapping's components in the order key columns first. */
    static final class KeysFirst<T extends Record> {
        private final RecordColumnMapping<T> mapping;
        private final int[] order;

        private KeysFirst(RecordColumnMapping<T> mapping, int[] order) {
            this.mapping = mapping;
            this.order = order;
        }

        /** The record's values in this order, then the extra values. */
        Object[] values(T record, Object... extra) {
            Object[] out = new Object[order.length + extra.length];
            for (int i = 0; i < order.length; i++) {
                out[i] = mapping.value(record, order[i]);
            }
            System.arraycopy(extra, 0, out, order.length, extra.length);
            return out;
        }
    }

    /** Reads one row whose columns carry the record's names. */
    T read(ResultSet rs) throws SQLException {
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            args[i] = column(rs, columns.get(i), types[i]);
        }
        try {
            return constructor.newInstance(args);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot build " + constructor.getDeclaringClass().getSimpleName()
                    + " from " + Arrays.toString(args), e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object column(ResultSet rs, String column, Class<?> type) throws SQLException {
        if (type == int.class) {
            return rs.getInt(column);
        } else if (type == double.class) {
            return rs.getDouble(column);
        } else if (type == boolean.class) {
            return rs.getBoolean(column);
        } else if (type == String.class) {
            return rs.getString(column);
        } else if (type.isEnum()) {
            String name = rs.getString(column);
            return name == null ? null : Enum.valueOf((Class<? extends Enum>) type, name);
        }
        throw new IllegalStateException("unsupported component type " + type + " of column " + column);
    }

    private static Object invoke(Method accessor, Object record) {
        try {
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + accessor, e);
        }
    }

    static String snakeCase(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 8);
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
