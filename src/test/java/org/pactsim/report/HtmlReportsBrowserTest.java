package org.pactsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.pactsim.cli.Cli;

/**
 * The HTML reports as a reader sees them, in a real browser: Debian's chromium driven through
 * chromium-driver by Selenium (no download). Each page is checked as rendered, not as text:
 * every table has all its rows and sorts on a click, every chart is drawn with a non-zero size
 * and carries hover titles, the console has no errors, and nothing overflows sideways at
 * 1280 px. A screenshot of each page is written under {@code target/screenshots/}. Skipped, with
 * a message, where chromium or chromium-driver is not installed ({@code .ci/run} installs them).
 */
@Tag("browser")
class HtmlReportsBrowserTest {
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    static Path dir;

    static ChromeDriver driver;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(Files.isExecutable(DRIVER) && Files.isExecutable(CHROMIUM),
                "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver):"
                        + " browser tests skipped");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .build();
        driver = new ChromeDriver(service, o);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().window().setSize(new Dimension(1280, 1000));
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void isoAreaReport() throws Exception {
        Path out = dir.resolve("iso-area");
        Cli c = Cli.run("iso-area", "--network", "resnet20", "--bandwidths", "unlimited,32", "--out", out.toString());
        assertThat(c.code()).as(c.err()).isZero();
        long points;
        try (Stream<String> l = Files.lines(out.resolve("iso-area.csv"))) {
            points = l.count() - 1;
        }
        open(out.resolve("index.html"));
        assertThat(rows("points")).isEqualTo(points).isEqualTo(8);
        // a sentence per low-bit point, and per bandwidth one naming the baseline's best design
        assertThat(driver.findElements(By.cssSelector("#findings li"))).hasSize(8);
        // one per-layer table per design point, each with every layer of ResNet-20
        for (int i = 0; i < points; i++) {
            assertThat(rows("layers-" + i)).as("layers-" + i).isEqualTo(layerCount(out));
        }
        checkPage("iso-area", 4 + (int) points);
    }

    @Test
    void simulateReport() throws Exception {
        Path out = dir.resolve("simulate");
        Cli c = Cli.run("simulate", "--arch", "arch-configs/tpu-v1.yaml", "--trace", "traces/resnet20-int8.csv",
                "--out", out.toString());
        assertThat(c.code()).as(c.err()).isZero();
        long layers;
        try (Stream<String> l = Files.lines(out.resolve("result.csv"))) {
            layers = l.count() - 2;
        }
        open(out.resolve("report.html"));
        assertThat(rows("totals")).isEqualTo(1);
        assertThat(rows("layers")).isEqualTo(layers).isEqualTo(51);
        checkPage("simulate", 2);
    }

    @Test
    void sweepReport() throws Exception {
        Path out = dir.resolve("sweep");
        Cli c = Cli.run("sweep", "arch-configs/sweeps/bits-vs-array.yaml", "--out", out.toString(), "--progress", "none");
        assertThat(c.code()).as(c.err()).isZero();
        open(out.resolve("index.html"));
        assertThat(rows("best")).isEqualTo(6);
        List<Path> fronts;
        try (Stream<Path> s = Files.list(out)) {
            fronts = s.filter(p -> p.getFileName().toString().matches("pareto-.*\\.csv")).sorted().toList();
        }
        assertThat(fronts).isNotEmpty();
        long frontRows = 0;
        for (Path f : fronts) {
            try (Stream<String> l = Files.lines(f)) {
                frontRows += l.count() - 1;
            }
        }
        long shown = 0;
        for (int k = 0; k < fronts.size(); k++) {
            shown += rows("front-" + k);
        }
        assertThat(shown).isEqualTo(frontRows);
        checkPage("sweep", fronts.size());
    }

    @Test
    void compareReport() throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        for (Object[] run : new Object[][] {{a, "34"}, {b, "8"}}) {
            Cli c = Cli.run("simulate", "--arch", "tpu-v1", "--network", "resnet20", "--set",
                    "dram.bandwidthGBps=" + run[1], "--format", "json");
            assertThat(c.code()).as(c.err()).isZero();
            Files.writeString((Path) run[0], c.out());
        }
        Path html = dir.resolve("compare.html");
        Cli c = Cli.run("compare", a.toString(), b.toString(), "--html", html.toString());
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).contains("51 layers in both");
        open(html);
        assertThat(rows("layers")).isEqualTo(51);
        assertThat(rows("totals")).isGreaterThan(20);
        checkPage("compare", 1);
    }

    private static void open(Path page) {
        driver.get(page.toUri().toString());
        driver.manage().logs().get(LogType.BROWSER); // drop what came before this page
        driver.navigate().refresh();
    }

    private static long layerCount(Path isoArea) throws Exception {
        String json = Files.readString(isoArea.resolve("iso-area.json"));
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).at("/points/0/layers").asLong();
    }

    private static long rows(String tableId) {
        return driver.findElements(By.cssSelector("#" + tableId + " tbody tr")).size();
    }

    /** What every page must do, then a screenshot. */
    private static void checkPage(String name, int charts) throws Exception {
        JavascriptExecutor js = driver;
        js.executeScript("document.querySelectorAll('details').forEach(function (d) { d.open = true; });");
        // every chart drawn, with a size, and values on hover
        List<WebElement> svgs = driver.findElements(By.cssSelector("figure svg"));
        assertThat(svgs).hasSize(charts);
        for (WebElement s : svgs) {
            assertThat(s.getSize().getWidth()).as(s.getAttribute("id")).isPositive();
            assertThat(s.getSize().getHeight()).as(s.getAttribute("id")).isPositive();
            Object titles = js.executeScript("return arguments[0].querySelectorAll('g.hover title').length;", s);
            assertThat(((Number) titles).longValue()).as("hover titles in " + s.getAttribute("id")).isPositive();
        }
        // every sortable table sorts on a click: its first numeric column ascending, then descending
        for (WebElement t : driver.findElements(By.cssSelector("table.sortable"))) {
            List<WebElement> heads = t.findElements(By.cssSelector("thead th"));
            int col = -1;
            for (int i = 0; i < heads.size(); i++) {
                if (heads.get(i).getAttribute("class") != null && heads.get(i).getAttribute("class").contains("num")) {
                    col = i;
                    break;
                }
            }
            if (col < 0 || t.findElements(By.cssSelector("tbody tr")).size() < 2) {
                continue;
            }
            WebElement th = heads.get(col);
            js.executeScript("arguments[0].scrollIntoView();", th);
            th.click();
            assertThat(th.getAttribute("aria-sort")).isEqualTo("ascending");
            assertThat(column(t, col)).as(t.getAttribute("id") + " ascending").isSorted();
            th.click();
            assertThat(th.getAttribute("aria-sort")).isEqualTo("descending");
            List<Double> down = new ArrayList<>(column(t, col));
            java.util.Collections.reverse(down);
            assertThat(down).as(t.getAttribute("id") + " descending").isSorted();
        }
        // nothing overflows sideways at 1280 px
        Map<?, ?> w = (Map<?, ?>) js.executeScript("return {scroll: document.documentElement.scrollWidth,"
                + " inner: window.innerWidth};");
        assertThat(((Number) w.get("scroll")).longValue()).as("page width at 1280 px")
                .isLessThanOrEqualTo(((Number) w.get("inner")).longValue());
        // no console errors
        List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(errors).as("console errors").isEmpty();
        // the screenshot shows the page as a reader first sees it: folded sections folded, at the top
        js.executeScript("document.querySelectorAll('details').forEach(function (d) { d.open = false; });"
                + " window.scrollTo(0, 0);");
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, shots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The sort keys of a column, in the order the rows now show. */
    private static List<Double> column(WebElement table, int col) {
        @SuppressWarnings("unchecked")
        List<Object> v = (List<Object>) ((JavascriptExecutor) driver).executeScript(
                "var c = arguments[1]; return Array.prototype.map.call(arguments[0].tBodies[0].rows, function (r) {"
                        + " var x = parseFloat(r.cells[c].getAttribute('data-v'));"
                        + " return isNaN(x) ? -1e308 : x; });", table, col);
        return v.stream().map(x -> ((Number) x).doubleValue()).toList();
    }
}
