package dev.canarypy.server.product;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes the {@code products} table. */
@Repository
public class ProductRepository {

  private static final String COLUMNS = "id, name, repository_url, artifact_url, created_at";

  private final JdbcClient jdbc;

  public ProductRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Product product) {
    jdbc.sql(
            "INSERT INTO products (id, name, repository_url, artifact_url, created_at)"
                + " VALUES (?, ?, ?, ?, ?)")
        .params(
            product.id(),
            product.name(),
            product.repositoryUrl(),
            product.artifactUrl(),
            OffsetDateTime.ofInstant(product.createdAt(), ZoneOffset.UTC))
        .update();
  }

  public List<Product> findAll() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM products ORDER BY name")
        .query(ProductRepository::map)
        .list();
  }

  public Optional<Product> findById(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM products WHERE id = ?")
        .param(id)
        .query(ProductRepository::map)
        .optional();
  }

  public Optional<Product> findByName(String name) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM products WHERE name = ?")
        .param(name)
        .query(ProductRepository::map)
        .optional();
  }

  public Optional<Product> findByArtifactUrl(String artifactUrl) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM products WHERE artifact_url = ?")
        .param(artifactUrl)
        .query(ProductRepository::map)
        .optional();
  }

  /**
   * Finds a product by name, or else by artifact URL, the key the original's Airflow plugin sends.
   */
  public Optional<Product> findByNameOrArtifactUrl(String nameOrArtifactUrl) {
    return findByName(nameOrArtifactUrl).or(() -> findByArtifactUrl(nameOrArtifactUrl));
  }

  /**
   * Locks the product's row until the transaction ends, so that lifecycle changes of one product
   * happen one at a time across every replica sharing the database.
   */
  public void lock(UUID id) {
    jdbc.sql("SELECT id FROM products WHERE id = ? FOR UPDATE").param(id).query().listOfRows();
  }

  static Product map(ResultSet row, int rowNumber) throws SQLException {
    return new Product(
        row.getObject("id", UUID.class),
        row.getString("name"),
        row.getString("repository_url"),
        row.getString("artifact_url"),
        row.getObject("created_at", OffsetDateTime.class).toInstant());
  }
}
