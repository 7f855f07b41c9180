package dev.canarypy.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.canarypy.server.support.Api;
import dev.canarypy.server.support.Api.Reply;
import dev.canarypy.server.support.MutableClock;
import dev.canarypy.server.support.ServerTest;
import dev.canarypy.server.support.TestClockConfiguration;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard in headless Chromium against a server with data: a product with a canary in flight
 * and six hours of signals and a product with only a stable release. Some tests add a product of
 * their own.
 */
@ServerTest
@Import(TestClockConfiguration.class)
// A property of its own gives this class its own database, so other classes' products never show.
@TestPropertySource(properties = "canarypy.test.context=dashboard-browser")
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

  private static final int HOURS_OF_SIGNALS = 6;
  private static final String MARKUP_REASON = "<script>alert(1)</script> <b>x</b>";

  @LocalServerPort int port;
  @Autowired MutableClock clock;

  Api api;
  Browser browser;
  String suffix;
  String billing;
  String nightly;

  @BeforeAll
  void createDataAndBrowser() {
    api = new Api(port);
    clock.set(clock.instant().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.HOURS));
    suffix = UUID.randomUUID().toString().substring(0, 6);

    billing = "billing export " + suffix;
    String billingArtifact = "registry.example.com/billing-export-" + suffix;
    createProduct(billing, billingArtifact, "2.3.0", "2.4.0");
    for (int hour = 0; hour < HOURS_OF_SIGNALS; hour++) {
      sendBatch(billingArtifact, "2.3.0", 38 + hour, hour % 2);
      sendBatch(billingArtifact, "2.4.0", 8 + hour, hour == 3 ? 1 : 0);
      clock.advance(Duration.ofHours(1));
    }

    nightly = "nightly report " + suffix;
    String nightlyArtifact = "registry.example.com/nightly-report-" + suffix;
    createProduct(nightly, nightlyArtifact, "1.0.0", null);
    sendBatch(nightlyArtifact, "1.0.0", 20, 2);

    browser = new Browser(1280, 1600);
  }

  @AfterAll
  void closeBrowser() throws IOException {
    if (browser != null) {
      browser.close();
    }
  }

  @BeforeEach
  void resetWindow() {
    browser.driver.manage().window().setSize(new Dimension(1280, 1600));
  }

  @Test
  void filtersUpdateUrlAndTiles() {
    open("/");
    assertTilesMatch(metrics(""));

    new Select(element("product-filter")).selectByVisibleText(billing);

    browser.wait.until(driver -> billing.equals(query().get("product")));
    assertTilesMatch(metrics("?product=" + Api.segment(billing)));

    new Select(element("version-filter")).selectByVisibleText("2.4.0");

    browser.wait.until(driver -> "2.4.0".equals(query().get("version")));
    assertThat(query().get("product")).isEqualTo(billing);
    assertTilesMatch(metrics("?product=" + Api.segment(billing) + "&semver_version=2.4.0"));
    assertThat(tileText("tile-stable")).isEqualTo("0");

    browser.driver.navigate().refresh();

    browser.wait.until(driver -> tileText("tile-canary").matches("[0-9,]+"));
    assertThat(new Select(element("product-filter")).getFirstSelectedOption().getText())
        .isEqualTo(billing);
    assertThat(new Select(element("version-filter")).getFirstSelectedOption().getText())
        .isEqualTo("2.4.0");
    assertTilesMatch(metrics("?product=" + Api.segment(billing) + "&semver_version=2.4.0"));

    new Select(element("product-filter")).selectByVisibleText("All");

    browser.wait.until(driver -> !query().containsKey("product"));
    assertThat(query()).doesNotContainKey("version");
    assertTilesMatch(metrics(""));
    assertThat(element("version-filter").isEnabled()).isFalse();
  }

  // Runs first, so the screenshot shows only the two products every test starts with.
  @Test
  @Order(1)
  void chartsDrawHourlyAndBandData() throws IOException {
    open("/?product=" + Api.segment(billing));
    browser.wait.until(driver -> element("detail-title").getText().endsWith("2.4.0"));

    assertThat(chartNumber("hourly-chart", "c.data.labels.length")).isEqualTo(HOURS_OF_SIGNALS);
    assertThat(chartNumber("hourly-chart", "c.data.datasets.length")).isEqualTo(4);
    assertThat(
            chartNumber(
                "hourly-chart",
                "c.data.datasets.flatMap(d => d.data).filter(v => v !== null).length"))
        .isEqualTo(4 * HOURS_OF_SIGNALS);
    long signals = 0;
    for (JsonNode row : metrics("?product=" + Api.segment(billing))) {
      signals += row.get("successes").asLong() + row.get("failures").asLong();
    }
    assertThat(
            chartNumber(
                "band-chart", "c.data.datasets.flatMap(d => d.data).reduce((a, b) => a + b, 0)"))
        .isEqualTo(signals);
    assertThat(element("hourly-chart").getSize().getHeight()).isGreaterThan(100);

    // The picture of a canary in flight that the documentation shows, as tall as the page.
    long pageHeight = (Long) browser.script("return document.documentElement.scrollHeight");
    long chromeHeight = (Long) browser.script("return window.outerHeight - window.innerHeight");
    browser
        .driver
        .manage()
        .window()
        .setSize(new Dimension(1280, (int) (pageHeight + chromeHeight)));
    browser.screenshot(Path.of("target", "dashboard.png"));
    assertThat(Files.size(Path.of("target", "dashboard.png"))).isGreaterThan(10_000);
  }

  @Test
  void overviewShowsStableCanaryAndVerdict() {
    open("/");

    WebElement row = overviewRow(billing);

    List<String> cells =
        row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    assertThat(cells.get(1)).isEqualTo("2.3.0");
    assertThat(cells.get(2)).isEqualTo("2.4.0");
    assertThat(cells.get(3)).isEqualTo("1 of 5");
    assertThat(cells.get(4)).isEqualTo("20.0 %");
    assertThat(cells.get(5)).isIn("pass", "inconclusive");
    List<String> nightlyCells =
        overviewRow(nightly).findElements(By.tagName("td")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(nightlyCells.get(1)).isEqualTo("1.0.0");
    assertThat(nightlyCells.get(2)).isEqualTo("–");
  }

  @Test
  void releaseViewShowsAnalysisAndEvents() {
    open("/?product=" + Api.segment(billing) + "&version=2.4.0");
    browser.wait.until(driver -> element("detail-title").getText().endsWith("2.4.0"));
    JsonNode analysis =
        api.get("/release/" + Api.segment(billing) + "/2.4.0").json().get("analysis");

    assertThat(element("detail-verdict").getText()).isEqualTo(analysis.get("verdict").asString());
    assertThat(element("detail-reason").getText()).isEqualTo(analysis.get("reason").asString());
    String numbers = element("detail-numbers").getText();
    assertThat(numbers).contains("Canary signals");
    assertThat(numbers).contains("Missing signals");
    assertThat(numbers).contains("Success rate, upper bound");
    assertThat(element("detail-events").getText()).contains("created");
    assertThat(element("detail-events").getText()).contains("by auto");
  }

  @Test
  void promoteAsksThenPromotes() {
    String promotable = "promotion " + suffix;
    createProduct(promotable, "registry.example.com/promotion-" + suffix, "1.0.0", "1.1.0");
    open("/?product=" + Api.segment(promotable));
    browser.wait.until(driver -> element("detail-title").getText().endsWith("1.1.0"));

    click(By.cssSelector("#detail-actions button[data-action='pause']"));
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-dialog")));
    element("confirm-cancel").click();

    browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm-dialog")));
    assertThat(releaseStatus(promotable, "1.1.0")).isEqualTo("canary");

    click(By.cssSelector("#detail-actions button[data-action='promote']"));
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-dialog")));
    assertThat(element("confirm-title").getText()).isEqualTo("Promote " + promotable + " 1.1.0?");
    element("confirm-reason").sendKeys("Checked the error budget");
    element("confirm-ok").click();

    browser.wait.until(ExpectedConditions.textToBe(By.id("detail-status"), "stable"));
    assertThat(element("notice").getText()).contains("is now stable");
    assertThat(releaseStatus(promotable, "1.1.0")).isEqualTo("stable");
    JsonNode events = api.get("/release/" + Api.segment(promotable) + "/1.1.0/events").json();
    JsonNode promoted = events.get(events.size() - 1);
    assertThat(promoted.get("type").asString()).isEqualTo("promoted");
    assertThat(promoted.get("actor").asString()).isEqualTo("dashboard");
    assertThat(promoted.get("reason").asString()).isEqualTo("Checked the error budget");
  }

  @Test
  void refusedActionShowsServerDetail() {
    open("/?product=" + Api.segment(nightly) + "&version=1.0.0");
    browser.wait.until(driver -> element("detail-title").getText().endsWith("1.0.0"));

    click(By.cssSelector("#detail-actions button[data-action='rollback']"));
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-dialog")));
    element("confirm-ok").click();

    browser.wait.until(driver -> element("notice").getText().contains("failed"));
    String detail = api.post("/release/" + Api.segment(nightly) + "/1.0.0/rollback", "{}").detail();
    assertThat(element("notice").getText()).endsWith(detail);
    assertThat(releaseStatus(nightly, "1.0.0")).isEqualTo("stable");
  }

  @Test
  void markupInNamesShowsAsText() {
    // Product names may not contain '/', so the closing tags go into the artifact URL.
    String markupName = "<b>x<b> & <img src=x onerror=alert(1)> " + suffix;
    String markupArtifact = "registry.example.com/<script>alert(1)</script>/<b>x</b>/" + suffix;
    createProduct(markupName, markupArtifact, "0.1.0", "0.2.0");
    open("/?product=" + Api.segment(markupName));
    browser.wait.until(driver -> element("detail-title").getText().endsWith("0.2.0"));

    click(By.cssSelector("#detail-actions button[data-action='pause']"));
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-dialog")));
    element("confirm-reason").sendKeys(MARKUP_REASON);
    element("confirm-ok").click();
    browser.wait.until(ExpectedConditions.textToBe(By.id("detail-status"), "paused"));
    browser.wait.until(driver -> element("detail-events").getText().contains(MARKUP_REASON));

    WebElement row = overviewRow(markupName);
    assertThat(row.findElement(By.cssSelector("td.name button")).getText()).isEqualTo(markupName);
    assertThat(row.findElement(By.cssSelector("td.name div")).getText()).isEqualTo(markupArtifact);
    assertThat(element("detail-title").getText()).isEqualTo(markupName + " 0.2.0");
    assertThat(new Select(element("product-filter")).getFirstSelectedOption().getText())
        .isEqualTo(markupName);
    assertThat(element("detail-events").findElement(By.className("event-reason")).getText())
        .isEqualTo(MARKUP_REASON);
    assertThat(browser.script("return document.querySelectorAll('main b, main img').length"))
        .isEqualTo(0L);
    assertThat(browser.script("return document.querySelectorAll('script:not([src])').length"))
        .isEqualTo(0L);
    assertThatThrownBy(() -> browser.driver.switchTo().alert())
        .isInstanceOf(NoAlertPresentException.class);
  }

  @Test
  void pageLogsNoConsoleErrors() {
    browser.consoleMessages();
    open("/?product=" + Api.segment(billing));
    browser.wait.until(driver -> element("detail-title").getText().endsWith("2.4.0"));

    List<String> errors =
        browser.consoleMessages().stream()
            .filter(
                entry -> entry.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
            .map(LogEntry::getMessage)
            .toList();

    assertThat(errors).isEmpty();
  }

  @Test
  void themeToggleSwitchesAndPersists() {
    open("/");
    String before = (String) browser.script("return document.documentElement.dataset.theme");
    String expected = "dark".equals(before) ? "light" : "dark";

    element("theme-toggle").click();

    assertThat(browser.script("return document.documentElement.dataset.theme")).isEqualTo(expected);
    browser.driver.navigate().refresh();
    browser.wait.until(driver -> tileText("tile-canary").matches("[0-9,]+"));
    assertThat(browser.script("return document.documentElement.dataset.theme")).isEqualTo(expected);
    element("theme-toggle").click();
    assertThat(browser.script("return document.documentElement.dataset.theme")).isEqualTo(before);
  }

  @Test
  void narrowScreenStacksFiltersAndTiles() {
    browser.driver.manage().window().setSize(new Dimension(420, 900));
    open("/");

    int productTop = element("product-filter").getRect().getY();
    int versionTop = element("version-filter").getRect().getY();
    int canaryTileTop = element("tile-canary").getRect().getY();
    int successTileTop = element("tile-success").getRect().getY();

    assertThat(versionTop).isGreaterThan(productTop);
    assertThat(successTileTop).isGreaterThan(canaryTileTop);
    assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
        .isEqualTo(true);
  }

  private void open(String path) {
    browser.driver.get(api.uri(path).toString());
    browser.wait.until(driver -> tileText("tile-canary").matches("[0-9,]+"));
  }

  private WebElement element(String id) {
    return browser.driver.findElement(By.id(id));
  }

  private String tileText(String id) {
    return element(id).getText();
  }

  /** Clicks an element, finding it again when a refresh replaced it in between. */
  private void click(By locator) {
    browser
        .wait
        .ignoring(StaleElementReferenceException.class)
        .until(
            driver -> {
              driver.findElement(locator).click();
              return true;
            });
  }

  private WebElement overviewRow(String product) {
    return browser.wait.until(
        driver ->
            driver.findElements(By.cssSelector("#overview tbody tr")).stream()
                .filter(
                    row ->
                        row.findElement(By.cssSelector("td.name button")).getText().equals(product))
                .findFirst()
                .orElse(null));
  }

  private long chartNumber(String canvasId, String expression) {
    Object value =
        browser.script(
            "const c = Chart.getChart(document.getElementById(arguments[0])); return "
                + expression
                + ";",
            canvasId);
    return ((Number) value).longValue();
  }

  private Map<String, String> query() {
    String raw = URI.create(browser.driver.getCurrentUrl()).getRawQuery();
    Map<String, String> parameters = new HashMap<>();
    if (raw == null) {
      return parameters;
    }
    for (String pair : raw.split("&")) {
      String[] parts = pair.split("=", 2);
      parameters.put(
          URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
          parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
    }
    return parameters;
  }

  private JsonNode metrics(String query) {
    Reply reply = api.get("/metrics/releases" + query);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  /** Waits until the tiles show the sums of the metrics rows, then checks the percentages. */
  private void assertTilesMatch(JsonNode rows) {
    long canary = 0;
    long stable = 0;
    long successes = 0;
    long failures = 0;
    for (JsonNode row : rows) {
      long total = row.get("successes").asLong() + row.get("failures").asLong();
      if (row.get("is_canary").asBoolean()) {
        canary += total;
      } else {
        stable += total;
      }
      successes += row.get("successes").asLong();
      failures += row.get("failures").asLong();
    }
    String expectedCanary = Long.toString(canary);
    String expectedStable = Long.toString(stable);
    browser.wait.until(
        driver ->
            digits(tileText("tile-canary")).equals(expectedCanary)
                && digits(tileText("tile-stable")).equals(expectedStable));

    double total = successes + failures;
    assertThat(percent(tileText("tile-success"))).isCloseTo(100 * successes / total, within(0.05));
    assertThat(percent(tileText("tile-failure"))).isCloseTo(100 * failures / total, within(0.05));
  }

  private static String digits(String text) {
    return text.replaceAll("[^0-9]", "");
  }

  private static double percent(String text) {
    assertThat(text).endsWith(" %");
    return Double.parseDouble(text.substring(0, text.length() - 2));
  }

  private String releaseStatus(String product, String version) {
    return api.get("/release/" + Api.segment(product) + "/" + version)
        .json()
        .get("status")
        .asString();
  }

  private void createProduct(String name, String artifact, String stable, String canary) {
    assertThat(api.createProduct(name, artifact).status()).isEqualTo(201);
    assertThat(api.createRelease(artifact, stable, "").status()).isEqualTo(201);
    if (canary != null) {
      assertThat(api.createRelease(artifact, canary, "\"band_count\": 5").status()).isEqualTo(201);
    }
  }

  private void sendBatch(String artifact, String version, int successes, int failures) {
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < successes + failures; i++) {
      body.append(i > 0 ? "," : "")
          .append("{\"artifact_url\": ")
          .append(Api.quote(artifact))
          .append(", \"semver_version\": ")
          .append(Api.quote(version))
          .append(", \"instance_id\": \"worker-")
          .append(i)
          .append("\", \"description\": \"nightly run\", \"status\": \"")
          .append(i < successes ? "success" : "failed")
          .append("\"}");
    }
    body.append(']');
    Reply reply = api.post("/signals", body.toString());
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
  }
}
