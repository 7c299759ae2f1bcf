package org.grassroots.assessment.server.pages.organization;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Chinese font embedded in PDF reports, found once at start: {@code assessment.report.font} when
 * set, else the first of the usual system CJK fonts that exists. No Maven artifact ships a usable
 * Chinese TrueType font (the CJK fonts on Maven Central are web fonts, which PDFBox cannot embed), so
 * the server takes the system's. Without one the server still runs; the PDF download answers with a
 * message naming the package to install, and the start log says so once.
 */
@Component
public class ReportFont {

    /** Debian's packages, in the order tried; the first is the one the README and the message name. */
    static final List<Path> SYSTEM_FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"),
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"));

    static final String MISSING = "服务器上没有可嵌入 PDF 的中文字体，无法生成 PDF 报告。请管理员安装字体包 fonts-wqy-zenhei"
            + "（Debian/Ubuntu：apt-get install fonts-wqy-zenhei）或 fonts-noto-cjk，或以 assessment.report.font 指定字体文件；"
            + "在此之前可使用浏览器打印本页。";

    private static final Logger log = LoggerFactory.getLogger(ReportFont.class);

    private final Optional<Path> font;

    @Autowired
    ReportFont(@Value("${assessment.report.font:}") String configured) {
        this(configured, SYSTEM_FONTS);
    }

    ReportFont(String configured, List<Path> candidates) {
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured.strip());
            if (!Files.isReadable(path)) {
                throw new IllegalStateException("assessment.report.font: cannot read " + path);
            }
            font = Optional.of(path);
        } else {
            font = candidates.stream().filter(Files::isReadable).findFirst();
        }
        font.ifPresentOrElse(p -> log.info("PDF reports embed the font {}", p),
                () -> log.warn("no Chinese font for PDF reports (install fonts-wqy-zenhei or fonts-noto-cjk,"
                        + " or set assessment.report.font); the PDF download will say so"));
    }

    /** The font file, or empty when the machine has none. */
    public Optional<Path> path() {
        return font;
    }
}
