package no.partnerskap.projections.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import no.partnerskap.projections.support.EventStoreWriter;
import no.partnerskap.projections.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person's walk through the pages in Debian's Chromium: the overview, a click to a
 * partnership, its figures, the switch to Norwegian. Leaves screenshots in target/.
 * Skipped when chromium or chromedriver is missing, unless REQUIRE_BROWSER=true (CI) says the
 * browser must be there.
 */
@PagesTest
class PagesBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @LocalServerPort
    int port;
    @Autowired
    EventStoreWriter events;
    @Autowired
    TestClock clock;

    PageScenario given;
    WebDriver browser;
    Path profile;

    @BeforeAll
    static void browserIsThere() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equalsIgnoreCase(System.getenv("REQUIRE_BROWSER"))) {
            fail("REQUIRE_BROWSER=true but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: apt-get install -y chromium chromium-driver");
        }
        assumeTrue(present, CHROMIUM + " and " + CHROMEDRIVER + " are needed for the browser test");
    }

    @BeforeEach
    void start() throws IOException {
        clock.setToday(PageScenario.TODAY);
        given = new PageScenario(events).given(port);
        profile = Files.createTempDirectory("pages-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=1280,1024", "--lang=en-GB");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-GB,en"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() throws IOException {
        clock.reset();
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void a_person_clicks_from_the_overview_to_a_partnership_and_switches_to_norwegian() throws IOException {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.get("http://localhost:" + port + "/");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Partnerships");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        WebElement row = browser.findElement(By.cssSelector("tr[data-partnership='" + given.partnership + "']"));
        assertThat(row.getText()).contains(given.name).contains("Strategic partnership");
        shot("pages-overview-en.png");

        row.findElement(By.linkText(given.name)).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), given.name));
        assertThat(browser.getCurrentUrl()).endsWith("/pages/partnerships/" + given.partnership);
        assertThat(cells("tr[data-status='OVERDUE']")).isEqualTo("Overdue 1 20%");
        assertThat(cells("tr[data-signal='AT_RISK']")).isEqualTo("At risk 1 20%");
        assertThat(cells("tr[data-goal='" + given.jobs + "']")).contains("30%");
        assertThat(cells("tr[data-resource='FUNDING']")).contains("250,000").contains("90,000").contains("36%");
        assertThat(browser.findElement(By.id("resources")).isDisplayed()).isTrue();
        // the stylesheet applies under the pages' content security policy
        assertThat(browser.findElement(By.cssSelector("table.data")).getCssValue("border-collapse"))
                .isEqualTo("collapse");
        // the figures are visible, not just in the markup
        assertThat(browser.findElement(By.cssSelector("tr[data-status='OVERDUE'] td.num")).isDisplayed()).isTrue();
        // a script in a name elsewhere never ran here or there: no alert is open
        assertThat(browser.switchTo().activeElement()).isNotNull();

        browser.findElement(By.id("lang-nb")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "nb"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(given.name);
        assertThat(browser.findElement(By.id("goals")).getText()).isEqualTo("Resultatmål");
        assertThat(browser.findElement(By.id("by-status")).getText()).isEqualTo("Forpliktelser etter status");
        assertThat(browser.findElement(By.id("members")).getText()).isEqualTo("Medlemmer");
        assertThat(cells("tr[data-status='OVERDUE']")).isEqualTo("Forsinket 1 20 %");
        assertThat(cells("tr[data-goal='" + given.jobs + "']").replace('\u00a0', ' ')).contains("30 %");
        assertThat(cells("tr[data-resource='FUNDING']").replace('\u00a0', ' ')).contains("250 000")
                .contains("Finansiering");
        browser.manage().window().setSize(new Dimension(1280, 2600));
        shot("pages-partnership-nb.png");

        // the choice is remembered: the overview, opened without ?lang, stays Norwegian
        browser.findElement(By.linkText("Partnerskap")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Partnerskap"));
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("nb");
        assertThat(browser.findElement(By.cssSelector("tr[data-partnership='" + given.partnership + "']")).getText())
                .contains("Strategisk partnerskap");
        assertThat(browser.findElement(By.cssSelector("tr[data-partnership='" + given.network + "']")).getText())
                .contains("<script>alert('partnership')</script>");
    }

    private String cells(String rowSelector) {
        return browser.findElement(By.cssSelector(rowSelector)).getText().replaceAll("\\s+", " ").trim();
    }

    private void shot(String name) throws IOException {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), target,
                StandardCopyOption.REPLACE_EXISTING);
    }
}
