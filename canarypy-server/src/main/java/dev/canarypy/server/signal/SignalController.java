package dev.canarypy.server.signal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The {@code /signal} and {@code /signals} endpoints. */
@RestController
@Tag(name = "signal")
public class SignalController {

  private final SignalService signals;

  public SignalController(SignalService signals) {
    this.signals = signals;
  }

  @PostMapping("/signal")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Record one execution's outcome",
      description = "The signal is committed before the reply.")
  public Signal create(@RequestBody SignalRequest request) {
    return signals.record(request);
  }

  @PostMapping("/signals")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Record a batch of signals",
      description =
          "A JSON array of up to 10000 signals, each as POST /signal takes it; all are stored or"
              + " none.")
  public SignalBatchResponse createAll(@RequestBody List<SignalRequest> requests) {
    return signals.recordAll(requests);
  }

  @GetMapping("/signal")
  @Operation(summary = "List a product's newest signals")
  public List<Signal> list(
      @RequestParam("product") String product,
      @RequestParam(name = "semver_version", required = false) String semverVersion,
      @RequestParam(name = "limit", required = false) Integer limit) {
    return signals.list(product, semverVersion, limit);
  }
}
