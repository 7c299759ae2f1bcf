package org.grassroots.assessment.bundle;

/** The top-level arrays of a bundle, each holding one kind of record. */
enum Section {
    ORGANIZATIONS("organizations", OrganizationFormat.FIELDS),
    PERIOD_FACTS("periodFacts", PeriodFactsFormat.FIELDS),
    MEMBERS("members", MemberFormat.FIELDS),
    VISITS("visits", VisitFormat.FIELDS);

    static final KnownFields KEYS = KnownFields.of("organizations", "periodFacts", "members", "visits");

    private final String key;
    private final KnownFields fields;

    Section(String key, KnownFields fields) {
        this.key = key;
        this.fields = fields;
    }

    static Section byKey(String key) {
        for (Section section : values()) {
            if (section.key.equals(key)) {
                return section;
            }
        }
        return null;
    }

    String key() {
        return key;
    }

    KnownFields fields() {
        return fields;
    }

    String path() {
        return "/" + key;
    }

    String path(int index) {
        return "/" + key + "/" + index;
    }

    String path(int index, String field) {
        return path(index) + "/" + field;
    }
}
