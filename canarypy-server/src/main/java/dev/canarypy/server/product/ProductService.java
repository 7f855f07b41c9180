package dev.canarypy.server.product;

import dev.canarypy.server.system.ConflictException;
import dev.canarypy.server.system.NotFoundException;
import dev.canarypy.server.system.RequestValidator;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Creates and looks up products. */
@Service
public class ProductService {

  private static final Logger log = LoggerFactory.getLogger(ProductService.class);

  private final ProductRepository products;
  private final RequestValidator validator;
  private final Clock clock;

  public ProductService(ProductRepository products, RequestValidator validator, Clock clock) {
    this.products = products;
    this.validator = validator;
    this.clock = clock;
  }

  public Product create(CreateProductRequest request) {
    validator.validate(request);
    String name = request.name().trim();
    String artifactUrl = request.artifactUrl().trim();
    rejectDuplicate(name, artifactUrl);

    Product product =
        new Product(
            UUID.randomUUID(), name, request.repositoryUrl().trim(), artifactUrl, clock.instant());
    try {
      products.insert(product);
    } catch (DuplicateKeyException concurrentInsert) {
      // Another request created the same product between the check and the insert.
      rejectDuplicate(name, artifactUrl);
      throw new ConflictException(
          "A product named '" + name + "' or with artifact_url '" + artifactUrl + "' exists.");
    }
    log.info("Created product {} ({}) with artifact URL {}", name, product.id(), artifactUrl);
    return product;
  }

  private void rejectDuplicate(String name, String artifactUrl) {
    if (products.findByName(name).isPresent()) {
      throw new ConflictException(
          "A product named '" + name + "' already exists; choose another name.");
    }
    products
        .findByArtifactUrl(artifactUrl)
        .ifPresent(
            existing -> {
              throw new ConflictException(
                  "The artifact_url '"
                      + artifactUrl
                      + "' already belongs to product '"
                      + existing.name()
                      + "'; each product needs its own artifact URL.");
            });
  }

  public List<Product> list() {
    return products.findAll();
  }

  public Product get(UUID id) {
    return products
        .findById(id)
        .orElseThrow(() -> new NotFoundException("No product has the id " + id + "."));
  }

  /** Finds a product by name or artifact URL, for paths that name a product. */
  public Product getByName(String nameOrArtifactUrl) {
    return products
        .findByNameOrArtifactUrl(nameOrArtifactUrl)
        .orElseThrow(() -> unknownProduct(nameOrArtifactUrl));
  }

  /** Finds a product by artifact URL, as release and signal bodies name it. */
  public Product getByArtifactUrl(String artifactUrl) {
    return products
        .findByArtifactUrl(artifactUrl)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "No product has the artifact_url '"
                        + artifactUrl
                        + "'; create it first with POST /product or `canarypy product create`."));
  }

  public static NotFoundException unknownProduct(String nameOrArtifactUrl) {
    return new NotFoundException(
        "No product is named '"
            + nameOrArtifactUrl
            + "' or has it as artifact_url; list products with GET /product.");
  }
}
