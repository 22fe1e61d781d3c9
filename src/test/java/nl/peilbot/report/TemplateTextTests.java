package nl.peilbot.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TemplateTextTests {

    @Test
    void shouldReadUtf8TextAndDropAByteOrderMark() {
        byte[] text = "\uFEFF# Kop\n\n{{count respondents}} ziekenhuizen — één\r\n\tklaar".getBytes(StandardCharsets.UTF_8);
        assertThat(TemplateText.read(new ByteArrayInputStream(text)))
                .isEqualTo("# Kop\n\n{{count respondents}} ziekenhuizen — één\r\n\tklaar");
        assertThat(TemplateText.read(new ByteArrayInputStream(new byte[0]))).isEmpty();
    }

    @Test
    void shouldRefuseABodyOverTheLimitWithoutReadingAllOfIt() {
        byte[] big = "a".repeat(TemplateText.MAX_BYTES + 1).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TemplateText.read(new ByteArrayInputStream(big)))
                .isInstanceOfSatisfying(TemplateText.Refused.class,
                        e -> assertThat(e.reason()).isEqualTo(TemplateText.Refused.Reason.TOO_LARGE));
        byte[] limit = "a".repeat(TemplateText.MAX_BYTES).getBytes(StandardCharsets.UTF_8);
        assertThat(TemplateText.read(new ByteArrayInputStream(limit))).hasSize(TemplateText.MAX_BYTES);
        assertThatThrownBy(() -> TemplateText.decode(new byte[0], TemplateText.MAX_BYTES + 1L))
                .isInstanceOf(TemplateText.Refused.class);
    }

    @Test
    void shouldRefuseWhatIsNotText() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        byte[] latin1 = "één".getBytes(StandardCharsets.ISO_8859_1);
        byte[] nul = "# Kop\0".getBytes(StandardCharsets.UTF_8);
        for (byte[] bytes : new byte[][] {png, latin1, nul}) {
            assertThatThrownBy(() -> TemplateText.decode(bytes, bytes.length))
                    .isInstanceOfSatisfying(TemplateText.Refused.class,
                            e -> assertThat(e.reason()).isEqualTo(TemplateText.Refused.Reason.NOT_TEXT));
        }
    }
}
