package org.grassroots.assessment.bundle;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.grassroots.assessment.model.Bundle;

/**
 * A manual throughput check, not a unit test: generates (once) a bundle of 10,000 organizations and
 * 460,000 member records, reads it a few times and prints MB/s and the peak heap.
 *
 * <pre>java -Xmx1g -cp engine/target/classes:engine/target/test-classes:JACKSON_JARS \
 *     org.grassroots.assessment.bundle.BundleThroughputCheck [/tmp/large-bundle.json]</pre>
 */
public final class BundleThroughputCheck {

    private static final int ORGANIZATIONS = 10_000;
    private static final int TOWNSHIPS = 100;
    private static final int MEMBERS_PER_ORGANIZATION = 47;
    private static final int VISITS = 10_000;

    private BundleThroughputCheck() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "/tmp/large-bundle.json");
        if (!Files.exists(file)) {
            generate(file);
        }
        double megabytes = Files.size(file) / 1e6;
        System.out.printf("bundle: %s, %.1f MB%n", file, megabytes);
        BundleReader reader = new BundleReader(Clock.fixed(Instant.parse("2026-12-31T00:00:00Z"), ZoneOffset.UTC),
                StoredRecords.NONE);
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        for (int run = 1; run <= 4; run++) {
            System.gc();
            heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            Bundle bundle = reader.read(file);
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            System.gc();
            long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf("run %d: %.2f s, %.0f MB/s, peak heap ≤ %d MB, heap with the bundle held %d MB"
                            + " (%d organizations, %d facts, %d members, %d visits)%n",
                    run, seconds, megabytes / seconds, peak >> 20, retained >> 20, bundle.organizations().size(),
                    bundle.periodFacts().size(), bundle.members().size(), bundle.visits().size());
        }
    }

    private static void generate(Path file) throws IOException {
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            out.write("{\n \"organizations\": [\n");
            out.write("  {\"code\": \"XQ\", \"name\": \"X区党工委\", \"type\": \"ORGAN\", \"level\": \"COMMITTEE\"}");
            for (int t = 1; t <= TOWNSHIPS; t++) {
                out.write(String.format(",%n  {\"code\": \"T%03d\", \"name\": \"街道党工委 %d\", \"type\": \"ORGAN\","
                        + " \"level\": \"COMMITTEE\", \"parentCode\": \"XQ\"}", t, t));
            }
            for (int o = 1; o <= ORGANIZATIONS - TOWNSHIPS - 1; o++) {
                out.write(String.format(",%n  {%n   \"code\": \"%s\",%n   \"name\": \"第%d村党支部\",%n"
                                + "   \"type\": \"VILLAGE\",%n   \"level\": \"BRANCH\",%n   \"parentCode\": \"T%03d\",%n"
                                + "   \"hasPartyGroups\": %b%n  }",
                        village(o), o, 1 + o % TOWNSHIPS, o % 2 == 0));
            }
            out.write("\n ],\n \"periodFacts\": [\n");
            boolean first = true;
            for (int o = 1; o <= ORGANIZATIONS - TOWNSHIPS - 1; o++) {
                for (String period : new String[] {"2025", "2026"}) {
                    out.write(first ? "" : ",\n");
                    first = false;
                    writeFacts(out, village(o), period, period.equals("2026") ? MEMBERS_PER_ORGANIZATION : 50);
                }
            }
            out.write("\n ],\n \"members\": [\n");
            first = true;
            int members = 0;
            for (int o = 1; members < 460_000; o++) {
                for (int m = 1; m <= MEMBERS_PER_ORGANIZATION && members < 460_000; m++, members++) {
                    out.write(first ? "" : ",\n");
                    first = false;
                    out.write(String.format("  {%n   \"memberId\": \"%s-%02d\",%n   \"orgCode\": \"%s\",%n"
                                    + "   \"period\": \"2026\",%n   \"floating\": false,%n   \"serviceHours\": %d.5,%n"
                                    + "   \"appraisal\": \"COMPETENT\",%n   \"innovations\": 0,%n"
                                    + "   \"managementResults\": %d,%n   \"studyAttendanceRate\": 0.8,%n"
                                    + "   \"testScore\": 80,%n   \"disciplinaryAction\": false%n  }",
                            village(o), m, village(o), m % 60, m % 2));
                }
            }
            out.write("\n ],\n \"visits\": [\n");
            for (int v = 1; v <= VISITS; v++) {
                out.write(v == 1 ? "" : ",\n");
                out.write(String.format("  {\"visitId\": \"AF-2026-%05d\", \"orgCode\": \"%s\", \"date\": \"2026-%02d-%02d\","
                                + " \"mode\": \"COVERT\", \"team\": \"第二督查组\", \"inspectors\": [\"赵丽\", \"王明\"],"
                                + " \"location\": {\"lat\": 31.2, \"lon\": 121.5}, \"findings\": [{\"item\": \"C03\","
                                + " \"severity\": \"MAJOR\", \"note\": \"台账不全\"}, {\"item\": \"C12\", \"deduction\": 2,"
                                + " \"rectification\": {\"status\": \"SUBMITTED\", \"submittedOn\": \"2026-11-30\"}}]}",
                        v, village(1 + v % (ORGANIZATIONS - TOWNSHIPS - 1)), 1 + v % 11, 1 + v % 28));
            }
            out.write("\n ]\n}\n");
        }
    }

    private static String village(int o) {
        return String.format("V-%05d", o);
    }

    private static void writeFacts(Writer out, String orgCode, String period, int members) throws IOException {
        StringBuilder facts = new StringBuilder("  {\n");
        for (String name : List.of("branchGeneralMeetings", "committeeMeetings", "partyGroupMeetings", "partyLectures",
                "themePartyDays", "studyDays", "villageCommitteeMeetings", "volunteerActivities")) {
            facts.append("   \"").append(name).append("\": 4,\n");
        }
        facts.append("   \"organizationalLifeMeetingHeld\": true,\n   \"democraticReviewHeld\": true,\n")
                .append("   \"studyAttendanceRate\": 0.93,\n   \"massSatisfaction\": 0.87,\n")
                .append("   \"members\": ").append(members).append(",\n   \"newMembers\": 1,\n")
                .append("   \"yearsSinceLastNewMember\": 0,\n   \"floatingMembers\": 3,\n")
                .append("   \"floatingMembersInContact\": 2,\n   \"floatingLedgerUpToDate\": true,\n")
                .append("   \"secretaryVacantMonths\": 0,\n   \"committeeSeatsRequired\": 5,\n")
                .append("   \"committeeSeatsFilled\": 5,\n   \"disciplineCasesLeadership\": 0,\n")
                .append("   \"disciplineCasesMembers\": 0,\n");
        for (String name : List.of("hasServiceCenter", "centerSignage", "centerAppearance", "centerEquipment",
                "centerAtmosphere", "integrationWorkingBody", "integrationCrossAppointment", "integrationSharedVenue",
                "integrationJointActivities", "integrationJointSystems", "guideAssigned", "contactPointAssigned",
                "firstSecretaryAssigned")) {
            facts.append("   \"").append(name).append("\": true,\n");
        }
        facts.append("   \"reserveFundBalanceYuan\": 12000.50,\n   \"collectiveIncomeYuan\": 310000,\n")
                .append("   \"disputesUnresolved\": 0,\n   \"petitionsRepeated\": 0,\n")
                .append("   \"demonstrationLevel\": \"NONE\",\n")
                .append("   \"orgCode\": \"").append(orgCode).append("\",\n   \"period\": \"").append(period)
                .append("\"\n  }");
        out.write(facts.toString());
    }
}
