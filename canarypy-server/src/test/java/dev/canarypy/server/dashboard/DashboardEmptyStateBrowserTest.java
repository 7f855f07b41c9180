package dev.canarypy.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarypy.server.support.Api;
import dev.canarypy.server.support.ServerTest;
import java.io.IOException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** The dashboard of a server without products, in headless Chromium. */
@ServerTest
// A property of its own gives this class its own application context, and so an empty database.
@TestPropertySource(properties = "canarypy.test.context=empty-dashboard")
@Tag("browser")
class DashboardEmptyStateBrowserTest {

  @LocalServerPort int port;

  @Test
  void emptyStateShowsCreateCommand() throws IOException {
    try (Browser browser = new Browser(1280, 900)) {
      browser.driver.get(new Api(port).uri("/").toString());

      browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("empty-state")));

      String text = browser.driver.findElement(By.id("empty-state")).getText();
      assertThat(text).contains("No products yet");
      assertThat(text).contains("canarypy product create");
      assertThat(browser.driver.findElement(By.id("content")).isDisplayed()).isFalse();
      assertThat(browser.driver.findElement(By.id("version-filter")).isEnabled()).isFalse();
    }
  }
}
