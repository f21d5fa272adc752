package no.partnerskap.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What the command line takes, and what it says to someone who gets it wrong or asks. */
class OptionsTest {

    @Test
    void the_defaults_and_each_option() {
        assertThat(AllInOne.Options.parse()).isEqualTo(new AllInOne.Options(Path.of("./data"), 8080, 8081, 15432));
        assertThat(AllInOne.Options.parse("--data-dir=/srv/p", "--commitment-port=9080", "--projection-port=9081",
                "--db-port=25432")).isEqualTo(new AllInOne.Options(Path.of("/srv/p"), 9080, 9081, 25432));
    }

    @Test
    void a_wrong_option_is_named() {
        assertThatThrownBy(() -> AllInOne.Options.parse("--db-port=femten")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--db-port must be a port number (1-65535), not 'femten'");
        assertThatThrownBy(() -> AllInOne.Options.parse("--commitment-port=70000"))
                .hasMessageContaining("--commitment-port must be a port number");
        assertThatThrownBy(() -> AllInOne.Options.parse("--datadir=x")).hasMessageContaining("unknown option(s) [datadir]");
        assertThatThrownBy(() -> AllInOne.Options.parse("data")).hasMessageContaining("unknown argument data");
    }

    @Test
    void help_prints_the_usage_and_starts_nothing() throws InterruptedException {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            AllInOne.main(new String[] {"--help"});
        } finally {
            System.setOut(out);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("Usage: java -jar all-in-one.jar")
                .contains("--data-dir=./data");
    }
}
