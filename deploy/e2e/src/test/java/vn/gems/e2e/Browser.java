package vn.gems.e2e;

import org.openqa.selenium.StaleElementReferenceException;
import org.awaitility.Awaitility;
import org.openqa.selenium.By;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real headless Chromium (Debian's {@code chromium} through {@code chromium-driver}, never a downloaded
 * browser), with a fresh profile and its own download folder. {@link #audit} is what every page visit ends with:
 * a screenshot under {@code target/portal-screenshots/}, the axe-core audit (no serious or critical violation
 * of WCAG 2.2 A/AA) and no Content-Security-Policy violation in the console.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("gems.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("gems.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of(System.getProperty("gems.root", "../.."), "deploy/e2e/target/portal-screenshots");
    private static String axeSource;

    final ChromeDriver driver;
    final Path downloads;
    private final Path profile;
    private final String name;

    Browser(String name, int width, int height) throws IOException {
        this.name = name;
        this.profile = Files.createTempDirectory("gems-chromium-");
        this.downloads = Files.createTempDirectory("gems-downloads-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=vi-VN");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "intl.accept_languages", "vi-VN,vi"));
        if (width < 500) {
            // Headless windows are at least 500 px wide: a phone is emulated (viewport, touch, device pixel ratio).
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics", Map.of("width", width, "height", height,
                    "pixelRatio", 2.0, "touch", true)));
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    void open(String url) {
        driver.get(url);
    }

    /** Moves within the single-page application without reloading it (tokens live in the page's memory). */
    void go(String hash) {
        js("location.hash = arguments[0];", hash);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    WebElement await(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(60)).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    void awaitText(String css, String text) {
        // The page re-renders as data arrive: an element read just as it is replaced is looked up again, not an error.
        new WebDriverWait(driver, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.stream().anyMatch(e -> e.getText().contains(text));
        });
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void type(String css, String text) {
        WebElement e = await(css);
        e.clear();
        e.sendKeys(text);
    }

    /** A 1280×900 browser signed in to the workspace as {@code user} on Keycloak's login page; {@code name} prefixes its screenshots. */
    static Browser signedIn(String name, String user) throws IOException {
        Browser b = new Browser(name, 1280, 900);
        b.open(E2eSuite.gateway() + "/#/ws");
        b.await("#ws-login").click();
        b.logInOnKeycloak(user);
        b.awaitText("#ws-who", user);
        return b;
    }

    /** Keycloak's own login page (the real one, not a token request behind the scenes). */
    void logInOnKeycloak(String username) {
        await("#username").sendKeys(username);
        find("#password").sendKeys(E2eSuite.DEMO_PASSWORD);
        find("#kc-login").click();
    }

    /** Screenshot, accessibility audit and CSP check of the page as it stands. */
    void audit(String page) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path shot = SCREENSHOTS.resolve(name + "-" + page + ".png");
        Files.write(shot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        if (axeSource == null) {
            try (InputStream in = Browser.class.getResourceAsStream("/axe.min.js")) {
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        js(axeSource);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})
                  .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))
                  .catch(e => done([{id: 'axe-failed', impact: 'critical', help: String(e), nodes: []}]));""");
        assertEquals(List.of(), violations, "accessibility (axe-core, WCAG 2.2 AA) on " + page + " (" + shot + ")");
        List<String> csp = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getMessage().contains("Content Security Policy") || e.getMessage().contains("Refused to")) {
                csp.add(e.getMessage());
            }
        }
        assertEquals(List.of(), csp, "the page broke its Content-Security-Policy on " + page);
    }

    /** Waits for a downloaded file whose name ends with {@code suffix}; answers its bytes. */
    byte[] download(String suffix) throws Exception {
        Path file = Awaitility.await("a download ending with " + suffix + " in " + downloads).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    try (var files = Files.list(downloads)) {
                        return files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst()
                                .filter(f -> f.toFile().length() > 0).orElse(null);
                    }
                }, Objects::nonNull);
        return Files.readAllBytes(file);
    }

    void upload(String css, Path file) {
        await(css).sendKeys(file.toAbsolutePath().toString());
    }

    @Override
    public void close() {
        driver.quit();
        deleteTree(profile.toFile());
        deleteTree(downloads.toFile());
    }

    private static void deleteTree(File f) {
        File[] children = f.listFiles();
        if (children != null) {
            for (File c : children) {
                deleteTree(c);
            }
        }
        assertTrue(f.delete() || !f.exists());
    }
}
