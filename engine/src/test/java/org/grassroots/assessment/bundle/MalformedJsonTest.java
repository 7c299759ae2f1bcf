package org.grassroots.assessment.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.grassroots.assessment.bundle.TestBundles.MAPPER;
import static org.grassroots.assessment.bundle.TestBundles.READER;
import static org.grassroots.assessment.bundle.TestBundles.problems;
import static org.grassroots.assessment.bundle.TestBundles.validBundle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Input that is not JSON, or not a JSON object, yields one problem and never a stack trace. */
class MalformedJsonTest {

    @Test
    void reportsASyntaxErrorAloneWithLineAndColumn() {
        // The record before the error has a problem of its own: malformed JSON still comes alone.
        String json = """
                {"organizations": [
                  {"code": "XQ", "name": "", "type": "ORGAN", "level": "COMMITTEE"},
                  {"code": "V-A" "name": "A"}
                ]}
                """;
        assertThat(problems(json)).containsExactly(new Problem("/organizations/1/code",
                "malformed JSON at line 3, column 18: Unexpected character ('\"' (code 34)):"
                        + " was expecting comma to separate Object entries"));
    }

    @Test
    void reportsTruncatedInput() {
        byte[] full = MAPPER.writeValueAsBytes(validBundle());
        List<Problem> problems = problems(READER, Arrays.copyOf(full, full.length / 2));
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).startsWith("/");
            assertThat(problem.message()).startsWith("malformed JSON at line 1, column ")
                    .contains("end-of-input");
        });
    }

    @Test
    void reportsInvalidUtf8Bytes() {
        byte[] json = "{\"organizations\": [{\"code\": \"XQ\", \"name\": \"X\u00ff\"}]}".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(problems(READER, json)).containsExactly(new Problem("/organizations/0/name",
                "malformed JSON at line 1, column 46: Invalid UTF-8 start byte 0xff"));
    }

    @Test
    void reportsInvalidUtf8InAValueThatIsSkipped() {
        byte[] json = "{\"extra\": [\"\u00ff\"]}".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(problems(READER, json)).singleElement().satisfies(problem ->
                assertThat(problem.message()).contains("Invalid UTF-8"));
    }

    @Test
    void reportsEmptyInput() {
        assertThat(problems("  \n")).containsExactly(new Problem("", "is empty: expected a JSON object"));
    }

    @Test
    void reportsATopLevelThatIsNotAnObjectOnce() {
        assertThat(problems("[{\"code\": 1}, 2, 3]"))
                .containsExactly(new Problem("", "must be a JSON object, got an array"));
        assertThat(problems("\"bundle\"")).containsExactly(new Problem("", "must be a JSON object, got \"bundle\""));
    }

    @Test
    void reportsContentAfterTheDocument() {
        assertThat(problems("{} {}")).containsExactly(new Problem("",
                "malformed JSON at line 1, column 4: unexpected content after the end of the document"));
        assertThat(problems("{}]")).singleElement().satisfies(problem ->
                assertThat(problem.message()).startsWith("malformed JSON at line 1, column 3"));
    }

    @Test
    void reportsNonStandardJson() {
        assertThat(problems("{\"visits\": [], }")).singleElement().satisfies(problem ->
                assertThat(problem.message()).startsWith("malformed JSON at line 1, column 16"));
        assertThat(problems("{\"members\": [NaN]}")).singleElement().satisfies(problem ->
                assertThat(problem.message()).startsWith("malformed JSON"));
    }

    @Test
    void passesReadFailuresOnAsIoErrors() {
        InputStream failing = new InputStream() {
            private int left = 20;

            @Override
            public int read() throws IOException {
                if (left-- > 0) {
                    return ' ';
                }
                throw new IOException("disk gone");
            }
        };
        assertThatThrownBy(() -> READER.read(failing))
                .isInstanceOf(UncheckedIOException.class)
                .hasRootCauseMessage("disk gone");
    }

    @Test
    void leavesTheCallersStreamOpen() throws Exception {
        class Tracking extends ByteArrayInputStream {
            boolean closed;

            Tracking(byte[] bytes) {
                super(bytes);
            }

            @Override
            public void close() {
                closed = true;
            }
        }
        Tracking in = new Tracking("{}".getBytes());
        READER.read(in);
        assertThat(in.closed).isFalse();
    }
}
