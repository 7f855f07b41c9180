package dev.canarypy.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarypy.server.support.Api;
import dev.canarypy.server.support.Api.Reply;
import dev.canarypy.server.support.ServerTest;
import java.net.http.HttpRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The page and its assets as the server sends them, before any browser runs them. */
@ServerTest
class DashboardPageTest {

  @LocalServerPort int port;

  @Test
  void pageIsServedAtRootWithPolicy() {
    Reply page =
        new Api(port)
            .send(
                HttpRequest.newBuilder(new Api(port).uri("/")).GET().header("Accept", "text/html"));

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    String policy = page.raw().headers().firstValue("Content-Security-Policy").orElse("");
    assertThat(policy).contains("script-src 'self'");
    assertThat(policy).contains("object-src 'none'");
    assertThat(policy).doesNotContain("unsafe-inline");
    assertThat(page.raw().headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void pageHasNoInlineScriptOrHandler() {
    String html = new Api(port).get("/").body();

    Matcher scripts = Pattern.compile("<script\\b[^>]*>").matcher(html);
    int count = 0;
    while (scripts.find()) {
      count++;
      assertThat(scripts.group()).contains(" src=");
    }
    assertThat(count).isEqualTo(3);
    assertThat(html).doesNotContainPattern("\\son[a-z]+=");
    assertThat(html).doesNotContain("http://").doesNotContain("https://");
  }

  @Test
  void chartLibraryIsServedFromJar() {
    Reply chart = new Api(port).get("/webjars/chart.js/dist/chart.umd.min.js");

    assertThat(chart.status()).isEqualTo(200);
    assertThat(chart.contentType()).contains("javascript");
    assertThat(chart.body()).contains("Chart.js v4");
  }

  @Test
  void dashboardScriptsAreServed() {
    Api api = new Api(port);

    for (String asset :
        new String[] {
          "app.js", "api.js", "charts.js", "dom.js", "views.js", "theme.js", "dashboard.css"
        }) {
      Reply reply = api.get("/dashboard/" + asset);
      assertThat(reply.status()).as(asset).isEqualTo(200);
    }
  }
}
