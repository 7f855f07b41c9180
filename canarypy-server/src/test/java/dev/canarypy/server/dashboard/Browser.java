package dev.canarypy.server.dashboard;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven through ChromeDriver, with a fresh profile that is deleted on close.
 *
 * <p>The binaries default to Debian's {@code chromium} and {@code chromium-driver} packages; the
 * system properties {@code canarypy.test.chromium} and {@code canarypy.test.chromedriver} point
 * elsewhere.
 */
final class Browser implements AutoCloseable {

  private static final String CHROMIUM =
      System.getProperty("canarypy.test.chromium", "/usr/bin/chromium");
  private static final String CHROMEDRIVER =
      System.getProperty("canarypy.test.chromedriver", "/usr/bin/chromedriver");

  final ChromeDriver driver;
  final WebDriverWait wait;
  private final Path profile;

  Browser(int width, int height) {
    requireExecutable(CHROMIUM);
    requireExecutable(CHROMEDRIVER);
    try {
      profile = Files.createTempDirectory("canarypy-chromium-");
    } catch (IOException failure) {
      throw new IllegalStateException("Could not create a Chromium profile directory", failure);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--lang=en-US",
        "--window-size=" + width + "," + height,
        "--user-data-dir=" + profile);
    // Keeps the console, so tests can check that the page logged no error.
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(15));
  }

  private static void requireExecutable(String path) {
    if (!new File(path).canExecute()) {
      throw new IllegalStateException(
          path
              + " is missing; install Chromium and its driver with"
              + " `apt-get install -y chromium chromium-driver`");
    }
  }

  /** Runs JavaScript in the page and returns its result. */
  Object script(String javascript, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
  }

  /** Returns the console messages logged since the previous call. */
  List<LogEntry> consoleMessages() {
    return driver.manage().logs().get(LogType.BROWSER).getAll();
  }

  /** Saves a screenshot of the window as PNG. */
  void screenshot(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }
}
