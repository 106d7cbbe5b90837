package dev.headroom.cli;

import static dev.headroom.cli.Cli.assertThat;
import static dev.headroom.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code --risk} on the command line: exit codes, errors, and what plan and matrix print. */
class RiskCliTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(Cli.Result r) throws Exception {
    return JSON.readTree(r.out());
  }

  @Test
  void riskDoesNotChangeTheVerdict() {
    // the quick start overflows at the high estimate: still exit 1, and even the low end overflows
    assertThat(run("plan", "--host", "pi-zero-2w", "--agents", "2", "--risk"))
        .exitedWith(1)
        .outContains("p overflow    100% (certain: the total is at least 1256 MiB)")
        .errIsEmpty();
    assertThat(run("plan", "--host", "pi-4b-4gb", "--agents", "3", "--risk")).exitedWith(0);
  }

  @Test
  void withoutRiskNothingChanges() throws Exception {
    assertThat(run("plan", "--host", "pi-5-8gb", "--agents", "11")).outDoesNotContain("risk");
    assertThat(json(run("plan", "--host", "pi-5-8gb", "--agents", "11", "--format", "json")).has("risk")).isFalse();
    JsonNode rows = json(run("matrix", "--host", "pi-5-8gb", "--max-agents", "1", "--format", "json")).path("rows");
    assertThat(rows.get(0).has("risk")).isFalse();
  }

  @Test
  void theJsonRiskObject() throws Exception {
    JsonNode risk = json(run("plan", "--host", "pi-5-8gb", "--agents", "11", "--risk", "--samples", "20000",
        "--format", "json")).path("risk");
    assertThat(risk.path("samples").asLong()).isEqualTo(20000);
    assertThat(risk.path("seed").asLong()).isEqualTo(42);
    assertThat(risk.path("distribution").asText()).isEqualTo("uniform");
    assertThat(risk.path("correlated").asBoolean()).isFalse();
    // 11 agents: 6728..7826 MiB; warn 6489.6 below the low end, available 8112 above the high end
    assertThat(risk.path("p_over_warn").decimalValue()).isEqualByComparingTo("1");
    assertThat(risk.path("p_overflow").decimalValue()).isEqualByComparingTo("0");
    assertThat(risk.path("events").path("overflow").path("certain").asBoolean()).isTrue();
    double critical = risk.path("p_over_critical").asDouble();
    assertThat(critical).isBetween(0.1, 0.4);
    assertThat(risk.path("events").path("over_critical").path("threshold_bytes").decimalValue())
        .isEqualByComparingTo("7655443660.8"); // 0.90 × 8112 MiB = 0.90 × 8,506,048,512
    JsonNode q = risk.path("quantiles");
    assertThat(q.path("p50_bytes").asLong()).isLessThanOrEqualTo(q.path("p95_bytes").asLong());
    assertThat(q.path("p95_bytes").asLong()).isLessThanOrEqualTo(q.path("p99_bytes").asLong());
    assertThat(q.path("p99_bytes").asLong()).isLessThanOrEqualTo(7826L << 20);
  }

  @Test
  void theSameSeedPrintsTheSameAndAnotherSeedDoesNot() {
    String[] args = {"plan", "--host", "pi-5-8gb", "--agents", "11", "--risk", "--samples", "5000", "--seed", "7"};
    Cli.Result a = run(args);
    assertThat(run(args).out()).isEqualTo(a.out());
    args[args.length - 1] = "8";
    assertThat(run(args).out()).isNotEqualTo(a.out());
  }

  @Test
  void aPlanIsTheRowOfTheMatrixWithTheSameSeed() throws Exception {
    JsonNode plan = json(run("plan", "--host", "pi-5-8gb", "--agents", "2", "--scenario", "tuned", "--risk",
        "--samples", "3000", "--distribution", "pert", "--format", "json")).path("risk");
    JsonNode rows = json(run("matrix", "--host", "pi-zero-2w,pi-5-8gb", "--scenario", "tuned", "--max-agents", "2",
        "--risk", "--samples", "3000", "--distribution", "pert", "--format", "json")).path("rows");
    JsonNode row = null;
    for (JsonNode r : rows) {
      if (r.path("host").asText().equals("pi-5-8gb") && r.path("agents").asLong() == 2) {
        row = r;
      }
    }
    assertThat(row).isNotNull();
    assertThat(row.path("risk")).isEqualTo(plan);
  }

  @Test
  void riskOptionsNeedRisk() {
    assertThat(run("plan", "--host", "pi-zero-2w", "--seed", "1")).exitedWith(2).errContains("error: --seed needs --risk");
    assertThat(run("plan", "--host", "pi-zero-2w", "--samples", "1000")).exitedWith(2).errContains("--samples needs --risk");
    assertThat(run("matrix", "--correlated")).exitedWith(2).errContains("--correlated needs --risk");
    assertThat(run("matrix", "--distribution", "pert")).exitedWith(2).errContains("--distribution needs --risk");
  }

  @Test
  void absurdSampleCountsAreUsageErrors() {
    for (String n : new String[] {"0", "99", "-5", "10000001"}) {
      assertThat(run("plan", "--host", "pi-zero-2w", "--risk", "--samples", n))
          .exitedWith(2)
          .outIsEmpty()
          .errContains("error: --samples must be between 100 and 10000000, got " + n)
          .hasNoStackTrace();
    }
    assertThat(run("plan", "--host", "pi-zero-2w", "--risk", "--samples", "1e6")).exitedWith(2).errContains("--samples");
    assertThat(run("plan", "--host", "pi-zero-2w", "--risk", "--samples", "99999999999")).exitedWith(2);
    assertThat(run("plan", "--host", "pi-zero-2w", "--risk", "--seed", "x")).exitedWith(2).errContains("--seed");
    assertThat(run("plan", "--host", "pi-zero-2w", "--risk", "--distribution", "normal"))
        .exitedWith(2).errContains("--distribution");
  }

  @Test
  void tooManyDrawsIsAnInputErrorBeforeAnyWork() {
    // 10,000 agents × 16 ranged components × 10,000,000 samples: far past the budget
    assertThat(run("plan", "--host", "pi-zero-2w", "--agents", "10000", "--risk", "--samples", "10000000"))
        .exitedWith(2)
        .outIsEmpty()
        .errContains("draws, more than headroom takes", "--correlated")
        .hasNoStackTrace();
    assertThat(run("matrix", "--max-agents", "10000", "--scenario", "current", "--risk")).exitedWith(2).errContains("draws");
  }

  @Test
  void matrixCellsCarryTheChanceOfOverflow() {
    assertThat(run("matrix", "--host", "pi-zero-2w", "--scenario", "tuned", "--max-agents", "2", "--risk", "--samples", "2000"))
        .exitedWith(0)
        .outContains("risk: p = P(total > available); Monte Carlo for each row, 2000 samples, seed 42, uniform, independent components",
            "74.3% ok  p 0%");
    assertThat(run("matrix", "--host", "pi-zero-2w", "--scenario", "tuned", "--max-agents", "1", "--risk", "--samples",
        "2000", "--format", "markdown"))
        .exitedWith(0)
        .outContains("74.3% ok, p 0%", "and p, the chance that the total is above the available memory");
  }
}
