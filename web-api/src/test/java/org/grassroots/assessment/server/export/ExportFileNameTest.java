package org.grassroots.assessment.server.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExportFileNameTest {

    @Test
    void chinese_name_with_an_ascii_fallback() {
        ExportFileName name = ExportFileName.of(WorkedExample.export(true), ExportFormat.XLSX);
        assertThat(name.name()).isEqualTo("考评结果-2026-考评12-截至2026-12-31.xlsx");
        assertThat(name.asciiName()).isEqualTo("evaluation-12-2026-2026-12-31.xlsx");
        assertThat(ExportFileName.of(WorkedExample.export(true), ExportFormat.CSV).name()).isEqualTo("考评结果-2026-考评12-截至2026-12-31.csv");
    }

    @Test
    void content_disposition_carries_both_names_per_rfc_5987() {
        String header = ExportFileName.of(WorkedExample.export(true), ExportFormat.XLSX).contentDisposition();
        assertThat(header).isEqualTo("attachment; filename=\"evaluation-12-2026-2026-12-31.xlsx\"; "
                + "filename*=UTF-8''%E8%80%83%E8%AF%84%E7%BB%93%E6%9E%9C-2026-%E8%80%83%E8%AF%8412-%E6%88%AA%E8%87%B32026-12-31.xlsx");
        String encoded = header.substring(header.indexOf("''") + 2);
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo("考评结果-2026-考评12-截至2026-12-31.xlsx");
        assertThat(header.chars().allMatch(c -> c >= 0x20 && c < 0x7f)).isTrue();
    }

    @Test
    void attr_chars_stay_everything_else_is_percent_encoded() {
        assertThat(ExportFileName.encode("a b'c\"%;")).isEqualTo("a%20b%27c%22%25%3B");
        assertThat(ExportFileName.encode("2026-Q3_x.csv")).isEqualTo("2026-Q3_x.csv");
    }

    @Test
    void formats_by_name() {
        assertThat(ExportFormat.parse("csv")).contains(ExportFormat.CSV);
        assertThat(ExportFormat.parse("XLSX")).contains(ExportFormat.XLSX);
        assertThat(ExportFormat.parse("pdf")).isEmpty();
        assertThat(ExportFormat.parse(null)).isEmpty();
        assertThat(ExportFormat.CSV.mediaType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(ExportFormat.XLSX.mediaType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }
}
