package dev.canarypy.server.dashboard;

import dev.canarypy.server.product.Product;
import dev.canarypy.server.product.ProductService;
import dev.canarypy.server.release.ReleaseRepository;
import dev.canarypy.server.system.InvalidRequestException;
import dev.canarypy.server.system.NotFoundException;
import dev.canarypy.server.system.Timestamps;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/** Serves {@code GET /metrics/releases} from the hourly counters. */
@Service
public class ReleaseMetricsService {

  private static final int MAX_VERSION_LENGTH = 128;
  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._+-]+");

  private final ProductService products;
  private final ReleaseRepository releases;
  private final HourlyCountCache counts;

  ReleaseMetricsService(
      ProductService products, ReleaseRepository releases, HourlyCountCache counts) {
    this.products = products;
    this.releases = releases;
    this.counts = counts;
  }

  /**
   * Lists hourly counts, oldest hour first. Each filter may be null or blank to match everything.
   * The window keeps every hour that overlaps {@code [from, to)}: the hour that contains {@code
   * from} is included, the hour that starts at {@code to} is not.
   *
   * @param productName a product's name, or its artifact URL
   * @param from an ISO-8601 timestamp; without a zone it is read as UTC
   * @param to an ISO-8601 timestamp after {@code from}; without a zone it is read as UTC
   * @throws InvalidRequestException naming the parameter that is malformed
   * @throws NotFoundException for an unknown product, or a version the product does not have
   */
  public List<HourlyCount> hourlyCounts(
      String productName, String semverVersion, String from, String to) {
    String version = blankToNull(semverVersion);
    if (version != null) {
      checkVersion(version);
    }
    Instant start = blankToNull(from) == null ? null : Timestamps.parse("from", from);
    Instant end = blankToNull(to) == null ? null : Timestamps.parse("to", to);
    if (start != null && end != null && !end.isAfter(start)) {
      throw new InvalidRequestException(
          "to",
          "'"
              + to.trim()
              + "' is not after from '"
              + from.trim()
              + "'; send a later to or an earlier from");
    }

    UUID productId = null;
    if (blankToNull(productName) != null) {
      Product product = products.getByName(productName.trim());
      productId = product.id();
      if (version != null && releases.findByVersion(productId, version).isEmpty()) {
        throw new NotFoundException(
            "Product '"
                + product.name()
                + "' has no release "
                + version
                + "; list its releases with GET /release/"
                + product.name()
                + ".");
      }
    }
    Instant fromHour = start == null ? null : start.truncatedTo(ChronoUnit.HOURS);
    return counts.find(new HourlyCountCache.Query(productId, version, fromHour, end));
  }

  private static void checkVersion(String version) {
    if (version.length() > MAX_VERSION_LENGTH) {
      throw new InvalidRequestException(
          "semver_version", "must be at most " + MAX_VERSION_LENGTH + " characters");
    }
    if (!VERSION.matcher(version).matches()) {
      throw new InvalidRequestException(
          "semver_version",
          "'"
              + version
              + "' may contain only letters, digits and . _ + -, e.g. 1.4.2 or 3.11-bullseye");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
