package org.grassroots.assessment.server.importing.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.grassroots.assessment.bundle.BundleReader;
import org.grassroots.assessment.bundle.BundleValidationException;
import org.grassroots.assessment.model.Bundle;
import org.grassroots.assessment.model.MemberRecord;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.model.PeriodFacts;
import org.grassroots.assessment.server.organization.MemberRepository;
import org.grassroots.assessment.server.organization.OrganizationRepository;
import org.grassroots.assessment.server.organization.PeriodFactsRepository;
import org.grassroots.assessment.server.visit.StoredVisit;
import org.grassroots.assessment.server.visit.VisitDigest;
import org.grassroots.assessment.server.visit.VisitService;
import tools.jackson.databind.JsonNode;

/**
 * Export → import of a period, checked field by field: the workbook read back is the stored data
 * (every organization, fact, member record and visit equal to the stored record; each visit's
 * content digest the stored one), and importing it changes nothing.
 */
final class RoundTrip {

    record Stored(List<Organization> organizations, List<PeriodFacts> facts, List<MemberRecord> members,
                  Map<String, String> visitDigests) {
    }

    private final int port;
    private final WorkbookLayouts layouts;
    private final OrganizationRepository organizations;
    private final PeriodFactsRepository facts;
    private final MemberRepository members;
    private final VisitService visits;

    RoundTrip(int port, WorkbookLayouts layouts, OrganizationRepository organizations, PeriodFactsRepository facts,
              MemberRepository members, VisitService visits) {
        this.port = port;
        this.layouts = layouts;
        this.organizations = organizations;
        this.facts = facts;
        this.members = members;
        this.visits = visits;
    }

    Stored stored(Period period) {
        List<Organization> orgs = new ArrayList<>(organizations.findAll());
        orgs.sort(Comparator.comparing(Organization::code));
        List<MemberRecord> records = new ArrayList<>();
        members.forEachInPeriod(period.toString(), records::add);
        Map<String, String> digests = visits.list(null, period.start(), period.end(), Integer.MAX_VALUE).stream()
                .collect(Collectors.toMap(v -> v.visit().visitId(), StoredVisit::contentDigest));
        return new Stored(orgs, facts.listPeriod(period.toString()), records, digests);
    }

    /** Runs the round trip of one period; returns the number of records it carried. */
    int check(Period period) {
        Stored before = stored(period);
        assertThat(before.facts()).as("the period has data").isNotEmpty();
        BinaryApi api = new BinaryApi(port);
        BinaryApi.Reply export = api.get("/api/import/export.xlsx?period=" + period);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.disposition()).contains("assessment-data-" + period + ".xlsx");

        Bundle read = readBack(export.body());
        assertThat(read.organizations()).containsExactlyElementsOf(before.organizations());
        assertThat(read.periodFacts()).containsExactlyElementsOf(before.facts());
        assertThat(read.members()).containsExactlyElementsOf(before.members());
        Map<String, String> readDigests = read.visits().stream()
                .collect(Collectors.toMap(v -> v.visitId(), VisitDigest::of));
        assertThat(readDigests).isEqualTo(before.visitDigests());

        BinaryApi.Reply imported = api.uploadWorkbook("/api/import", export.body());
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        JsonNode counts = imported.json();
        assertThat(counts.get("warnings").size()).as(imported.text()).isZero();
        assertThat(counts.get("organizations").asInt()).isEqualTo(before.organizations().size());
        assertThat(counts.get("periodFacts").asInt()).isEqualTo(before.facts().size());
        assertThat(counts.get("members").asInt()).isEqualTo(before.members().size());
        assertThat(counts.get("visits").asInt()).isZero();
        assertThat(counts.get("visitsUnchanged").asInt()).isEqualTo(before.visitDigests().size());
        assertThat(stored(period)).isEqualTo(before);
        return before.organizations().size() + before.facts().size() + before.members().size()
                + before.visitDigests().size();
    }

    /** The workbook through the import's own reading, into a bundle (nothing stored). */
    Bundle readBack(byte[] workbook) {
        try {
            File file = Files.createTempFile("round-trip", ".xlsx").toFile();
            try {
                Files.write(file.toPath(), workbook);
                ByteArrayOutputStream json = new ByteArrayOutputStream();
                WorkbookConversion conversion = new WorkbookConversion(layouts.current().layout(), 10_000_000, json);
                StreamingWorkbookReader.read(file, conversion);
                conversion.finish();
                assertThat(conversion.problems()).isEmpty();
                assertThat(conversion.warnings()).isEmpty();
                return new BundleReader().read(new ByteArrayInputStream(json.toByteArray()));
            } finally {
                Files.deleteIfExists(file.toPath());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (StreamingWorkbookReader.UnreadableWorkbookException | BundleValidationException e) {
            throw new AssertionError(e);
        }
    }

    /** Waits until the server is ready (the demo district is loaded on start, in the background). */
    static void awaitReady(int port) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
                Thread.sleep(100);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the server did not become ready");
    }

    static <T> Map<String, T> byKey(List<T> list, Function<T, String> key) {
        return list.stream().collect(Collectors.toMap(key, t -> t));
    }
}
