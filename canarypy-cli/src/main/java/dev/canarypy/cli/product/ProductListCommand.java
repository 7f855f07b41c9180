package dev.canarypy.cli.product;

import dev.canarypy.cli.ClientCommand;
import dev.canarypy.cli.Formats;
import dev.canarypy.cli.Output;
import dev.canarypy.client.CanaryPyClient;
import dev.canarypy.client.Product;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code canarypy product list}: lists the registered products. */
@Command(name = "list", description = "List the registered products.")
public final class ProductListCommand extends ClientCommand {

  @Override
  protected void run(CanaryPyClient client, Output output) {
    List<Product> products = client.listProducts();

    if (output.isJson()) {
      output.serverJson();
      return;
    }
    if (products.isEmpty()) {
      output.line("No products yet. Register one with 'canarypy product create'.");
      return;
    }
    output.table(
        List.of("NAME", "ARTIFACT URL", "REPOSITORY URL", "CREATED", "ID"),
        products.stream()
            .map(
                product ->
                    Output.row(
                        product.name(),
                        product.artifactUrl(),
                        product.repositoryUrl(),
                        Formats.time(product.createdAt()),
                        product.id()))
            .toList());
  }
}
