package nl.kamerstroom.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import nl.kamerstroom.avro.Chamber;
import nl.kamerstroom.avro.Recurrence;
import nl.kamerstroom.avro.Submitter;

/**
 * The letter page in a real browser: headless Chromium from the Debian packages, driven by Selenium. Skipped where
 * Chromium or its driver is not installed. Screenshots go to {@code target/screenshots/} for a person to look at.
 */
class LetterPageBrowserTest extends IntegrationTestSupport {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static ChromeDriver browser;
    private static Path profile;

    @BeforeAll
    static void headlessChromium() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs the Debian packages chromium and chromium-driver");
        // the driver and browser are named outright, so Selenium Manager has nothing to look up or download
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        System.setProperty("selenium-manager.offline", "true");
        profile = Files.createTempDirectory("kamerstroom-chromium-");
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                        "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1400, 1000));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void aStoredLetterShowsItsFactsHighlightedAndAFactInThePanelScrollsItsHighlightIntoView() throws Exception {
        // given the NMI sample letter and its facts, arrived through Kafka
        TestLetter letter = new TestLetter(TestLetter.sample("ek-27925-AR-nmi-force-protection.txt"), TestLetter.uniqueDossier(),
                LocalDate.of(2024, 11, 22))
                .mission("NAVO Missie Irak (NMI) te verlengen", "NAVO Missie Irak", "NMI", "NAVO", "Irak", 145,
                        LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30), true)
                .mission("United Nations Assistance Mission Iraq (UNAMI)", "United Nations Assistance Mission Iraq", "UNAMI",
                        "VN", "Irak", null, null, null, false)
                .budget("18,3 miljoen euro", 18_300_000L, Recurrence.UNKNOWN, null, "verlenging force protection-bijdrage NMI")
                .motie("moties Bosman c.s. (Kamerstuk 27 925, nr. 699)", List.of(new Submitter("Bosman", "VVD")), "27925", "699")
                .motie("Kerstens/Van Ojik (Kamerstuk 27 925, nr. 697)",
                        List.of(new Submitter("Kerstens", "PvdA"), new Submitter("Van Ojik", "GroenLinks")), "27925", "697");
        letter.chamber = Chamber.EERSTE_KAMER;
        letter.documentNumber = "AR";
        letter.dossierTitle = "Bestrijding internationaal terrorisme";
        letter.publish();
        awaitLetter(letter.letterId, "STORED");

        // when
        browser.get(url("/letters/" + letter.letterId));

        // then every fact is in the panel and highlighted in the text, its own words emphasised
        List<WebElement> panel = browser.findElements(By.cssSelector(".fact-list [data-fact]"));
        assertThat(panel).hasSize(5);
        assertThat(browser.findElements(By.cssSelector(".fact-missing"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#letter-text .hl-mission"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#letter-text .hl-budget"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#letter-text .hl-motie"))).isNotEmpty();
        // overlapping evidence cuts a fact's words into several segments, so they are read together
        String emphasised = String.join("", browser.findElements(By.cssSelector("#letter-text .hl.em")).stream()
                .map(WebElement::getText).toList());
        assertThat(emphasised).contains("NAVO Missie Irak", "United Nations Assistance Mission Iraq", "18,3 miljoen euro",
                "moties Bosman c.s. (Kamerstuk 27 925, nr. 699)", "Kerstens/Van Ojik (Kamerstuk 27 925, nr. 697)");
        assertThat(browser.findElement(By.id("letter-text")).getText()).contains("Eerste Kamer der Staten-Generaal");
        screenshot("letter-top.png");

        // when a fact far down the letter is clicked in the side panel
        WebElement budgetEntry = panel.stream().filter(entry -> entry.getText().contains("18.300.000")).findFirst().orElseThrow();
        String budgetFact = budgetEntry.getAttribute("data-fact");
        assertThat(isInView(budgetFact)).as("the budget's evidence is below the fold at first").isFalse();
        budgetEntry.click();

        // then its highlight scrolls into view and is marked
        await().atMost(Duration.ofSeconds(10)).until(() -> isInView(budgetFact));
        assertThat(firstHighlightOf(budgetFact).getAttribute("class")).contains("active", "hl-budget");
        screenshot("letter-budget-clicked.png");
    }

    @Test
    void theListAndTheDossierPageShowTheLetters() throws Exception {
        // given
        String dossier = TestLetter.uniqueDossier();
        TestLetter first = new TestLetter("In 2024 is incidenteel 1 miljoen euro beschikbaar voor de opsporing.", dossier,
                LocalDate.of(2024, 6, 19))
                .budget("incidenteel 1 miljoen euro", 1_000_000L, Recurrence.INCIDENTAL, 2023, "opsporing");
        TestLetter second = new TestLetter("Er komt structureel 4 miljoen euro bij, en in 2026 nog eens 2,5 miljoen euro.", dossier,
                LocalDate.of(2025, 6, 19))
                .budget("structureel 4 miljoen euro", 4_000_000L, Recurrence.STRUCTURAL, 2025, "versterking TBKK")
                .budget("2,5 miljoen euro", 2_500_000L, Recurrence.INCIDENTAL, 2026, null);
        first.dossierTitle = second.dossierTitle = "Seksuele intimidatie en geweld";
        first.publish();
        second.publish();
        awaitLetter(first.letterId, "STORED");
        awaitLetter(second.letterId, "STORED");

        // when
        browser.get(url("/?dossier=" + dossier));

        // then
        assertThat(browser.findElements(By.cssSelector("tr.letter-row"))).hasSize(2);
        screenshot("letters.png");

        // when
        browser.findElement(By.linkText(dossier)).click();

        // then a bar per year from 2023 to 2026, one of them empty
        assertThat(browser.findElements(By.cssSelector("svg.chart .bar"))).hasSize(4);
        assertThat(browser.findElements(By.cssSelector("table.budgets tbody tr"))).hasSize(3);
        screenshot("dossier.png");
    }

    private boolean isInView(String factId) {
        return (Boolean) ((JavascriptExecutor) browser).executeScript("""
                const highlight = arguments[0];
                const box = highlight.getBoundingClientRect();
                return box.top >= 0 && box.bottom <= window.innerHeight;""", firstHighlightOf(factId));
    }

    private WebElement firstHighlightOf(String factId) {
        return browser.findElements(By.cssSelector("#letter-text [data-facts]")).stream()
                .filter(span -> List.of(span.getAttribute("data-facts").split(" ")).contains(factId))
                .findFirst().orElseThrow();
    }

    private static void screenshot(String name) throws IOException {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
