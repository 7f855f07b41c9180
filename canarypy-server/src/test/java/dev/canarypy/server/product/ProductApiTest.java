package dev.canarypy.server.product;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarypy.server.support.Api;
import dev.canarypy.server.support.Api.Reply;
import dev.canarypy.server.support.ServerTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ServerTest
class ProductApiTest {

  @LocalServerPort int port;
  Api api;
  String suffix;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    suffix = UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void createReturnsTheOriginalShape() {
    Reply reply = api.createProduct("billing " + suffix, "registry/billing-" + suffix);

    assertThat(reply.status()).isEqualTo(201);
    JsonNode product = reply.json();
    assertThat(UUID.fromString(product.get("id").asString())).isNotNull();
    assertThat(product.get("name").asString()).isEqualTo("billing " + suffix);
    assertThat(product.get("repository_url").asString()).startsWith("https://git.example.com/");
    assertThat(product.get("artifact_url").asString()).isEqualTo("registry/billing-" + suffix);
  }

  @Test
  void listAndReadById() {
    String id =
        api.createProduct("list " + suffix, "registry/list-" + suffix).json().get("id").asString();

    Reply list = api.get("/product");
    Reply one = api.get("/product/" + id);

    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().findValuesAsString("name")).contains("list " + suffix);
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json().get("name").asString()).isEqualTo("list " + suffix);
  }

  @Test
  void bodyWithoutContentTypeIsReadAsJson() {
    Reply reply =
        api.postWithoutContentType(
            "/product",
            "{\"name\": \"plain "
                + suffix
                + "\", \"repository_url\": \"r\", \"artifact_url\": \"plain-"
                + suffix
                + "\"}");

    assertThat(reply.status()).isEqualTo(201);
  }

  @Test
  void duplicateNameIsConflict() {
    api.createProduct("dup " + suffix, "registry/dup-a-" + suffix);

    Reply reply = api.createProduct("dup " + suffix, "registry/dup-b-" + suffix);

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.detail()).contains("'dup " + suffix + "'").contains("already exists");
  }

  @Test
  void duplicateArtifactUrlIsConflict() {
    api.createProduct("first " + suffix, "registry/same-" + suffix);

    Reply reply = api.createProduct("second " + suffix, "registry/same-" + suffix);

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.detail()).contains("registry/same-" + suffix).contains("first " + suffix);
  }

  @Test
  void unknownIdIsNotFound() {
    Reply reply = api.get("/product/" + UUID.randomUUID());

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.detail()).contains("No product has the id");
  }

  @Test
  void malformedIdIsInvalid() {
    Reply reply = api.get("/product/not-a-uuid");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.detail()).contains("id").contains("not-a-uuid");
  }
}
