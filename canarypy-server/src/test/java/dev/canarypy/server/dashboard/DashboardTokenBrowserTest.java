package dev.canarypy.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarypy.server.support.Api;
import dev.canarypy.server.support.Api.Reply;
import dev.canarypy.server.support.ServerTest;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard in headless Chromium against a server that has API tokens: it shows nothing without
 * a token, reads with a signal token but keeps the action buttons disabled, and acts with an admin
 * token.
 */
@ServerTest
// A database of its own, because once a token exists every request without one is rejected.
@TestPropertySource(properties = "canarypy.test.context=dashboard-tokens")
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardTokenBrowserTest {

  @LocalServerPort int port;

  Api admin;
  Browser browser;
  String adminName;
  String adminToken;
  String signalToken;
  String product;

  @BeforeAll
  void createTokensDataAndBrowser() {
    Api anonymous = new Api(port);
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    adminName = "dashboard-admin-" + suffix;
    adminToken = createToken(anonymous, adminName, "admin");
    admin = anonymous.withToken(adminToken);
    signalToken = createToken(admin, "dashboard-jobs-" + suffix, "signal");

    product = "token dashboard " + suffix;
    String artifact = "registry.example.com/token-dashboard-" + suffix;
    assertThat(admin.createProduct(product, artifact).status()).isEqualTo(201);
    assertThat(admin.createRelease(artifact, "1.0.0", "").status()).isEqualTo(201);
    assertThat(admin.createRelease(artifact, "1.1.0", "").status()).isEqualTo(201);

    browser = new Browser(1280, 1200);
  }

  @AfterAll
  void closeBrowser() throws IOException {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  @Order(1)
  void withoutTokenShowsNothing() {
    browser.driver.get(admin.uri("/?product=" + Api.segment(product)).toString());

    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("connection-error")));
    assertThat(element("connection-error").getText())
        .contains("The server requires an API token to show releases");
    assertThat(element("content").isDisplayed()).isFalse();
    assertThat(element("token-input").isDisplayed()).isTrue();
    assertThat(element("token-sign-out").isDisplayed()).isFalse();
    assertThat(enabledActionButtons()).isEmpty();
  }

  @Test
  @Order(2)
  void signalTokenReadsButCannotAct() {
    signIn(signalToken);

    browser.wait.until(driver -> element("detail-title").getText().endsWith("1.1.0"));
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("actions-hint")));
    assertThat(element("connection-error").isDisplayed()).isFalse();
    assertThat(element("actions-hint").getText())
        .isEqualTo(
            "The signed-in token has scope signal; sign in with an admin token to promote, roll"
                + " back, pause or resume.");
    List<WebElement> buttons =
        browser.driver.findElements(By.cssSelector("#detail-actions button"));
    assertThat(buttons).isNotEmpty();
    for (WebElement button : buttons) {
      assertThat(button.isEnabled()).as(button.getText()).isFalse();
    }
    assertThat(browser.script("return window.sessionStorage.getItem('canarypy-token')"))
        .isEqualTo(signalToken);
    assertThat(browser.script("return window.localStorage.length")).isEqualTo(0L);
    assertThat(browser.driver.getCurrentUrl()).doesNotContain(signalToken);
  }

  @Test
  @Order(3)
  void adminTokenPromotes() {
    click(By.id("token-sign-out"));
    signIn(adminToken);
    browser.wait.until(
        driver ->
            driver
                .findElement(By.cssSelector("#detail-actions button[data-action='promote']"))
                .isEnabled());
    assertThat(browser.driver.findElements(By.id("actions-hint"))).isEmpty();

    click(By.cssSelector("#detail-actions button[data-action='promote']"));
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-dialog")));
    element("confirm-reason").sendKeys("Signed in as admin");
    element("confirm-ok").click();

    browser.wait.until(ExpectedConditions.textToBe(By.id("detail-status"), "stable"));
    assertThat(element("notice").getText()).contains("is now stable");
    JsonNode events = admin.get("/release/" + Api.segment(product) + "/1.1.0/events").json();
    JsonNode promoted = events.get(events.size() - 1);
    assertThat(promoted.get("type").asString()).isEqualTo("promoted");
    assertThat(promoted.get("actor").asString()).isEqualTo(adminName);
    assertThat(promoted.get("reason").asString()).isEqualTo("Signed in as admin");
  }

  @Test
  @Order(4)
  void signOutHidesDataAgain() {
    click(By.id("token-sign-out"));

    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("connection-error")));
    assertThat(element("content").isDisplayed()).isFalse();
    assertThat(browser.script("return window.sessionStorage.getItem('canarypy-token')")).isNull();
  }

  private void signIn(String token) {
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-input")));
    element("token-input").sendKeys(token);
    click(By.id("token-sign-in"));
    browser.wait.until(
        ExpectedConditions.textToBe(By.id("token-status"), "Signed in with a token"));
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("content")));
  }

  private List<WebElement> enabledActionButtons() {
    return browser.driver.findElements(By.cssSelector("#detail-actions button")).stream()
        .filter(WebElement::isEnabled)
        .toList();
  }

  private WebElement element(String id) {
    return browser.driver.findElement(By.id(id));
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

  private static String createToken(Api api, String name, String scope) {
    Reply created =
        api.post(
            "/token", "{\"name\": " + Api.quote(name) + ", \"scope\": " + Api.quote(scope) + "}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("token").asString();
  }
}
