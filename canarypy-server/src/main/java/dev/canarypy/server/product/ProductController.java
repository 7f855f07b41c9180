package dev.canarypy.server.product;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The {@code /product} endpoints. */
@RestController
@Tag(name = "product")
public class ProductController {

  private final ProductService products;

  public ProductController(ProductService products) {
    this.products = products;
  }

  @PostMapping("/product")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create a product")
  public Product create(@RequestBody CreateProductRequest request) {
    return products.create(request);
  }

  @GetMapping("/product")
  @Operation(summary = "List products by name")
  public List<Product> list() {
    return products.list();
  }

  @GetMapping("/product/{id}")
  @Operation(summary = "Read one product")
  public Product get(@PathVariable UUID id) {
    return products.get(id);
  }
}
