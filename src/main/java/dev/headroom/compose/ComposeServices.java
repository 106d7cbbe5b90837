package dev.headroom.compose;

import dev.headroom.load.YamlNode;
import dev.headroom.model.Bytes;
import dev.headroom.model.ComposeProject;
import dev.headroom.model.ComposeProject.ComposeError;
import dev.headroom.model.ComposeService;
import dev.headroom.model.ComposeService.GpuRequest;
import dev.headroom.model.ComposeService.Sourced;
import dev.headroom.model.Cpu;
import dev.headroom.model.Origin;
import dev.headroom.model.QuantityException;
import dev.headroom.model.Units;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the services of a merged compose model: which are active under the enabled profiles, their
 * replicas and resources (compose's unit rules), and what docker compose's consistency check
 * (compose-go {@code checkConsistency}) would refuse, worded as it words it.
 */
final class ComposeServices {
  // compiled once: these run for every service or key of a file
  private static final java.util.regex.Pattern DIGITS_9 = java.util.regex.Pattern.compile("[0-9]{1,9}");
  private static final java.util.regex.Pattern WHOLE_FLOAT = java.util.regex.Pattern.compile("[+-]?[0-9]{1,18}\\.0*");
  private static final java.util.regex.Pattern SIGNED_LONG = java.util.regex.Pattern.compile("[+-]?[0-9]{1,18}");
  private static final java.util.regex.Pattern MILLICORES = java.util.regex.Pattern.compile("[0-9]+(\\.[0-9]*)?m");

  private ComposeServices() {}

  /**
   * @param dirOf the directory a file (by the name messages show) resolves its relative paths in
   */
  static ComposeProject read(String name, List<String> files, CNode.Map root, Set<String> profiles, List<String> warnings,
      java.util.function.Function<String, java.nio.file.Path> dirOf) {
    CNode sn = root.get("services");
    Map<String, CNode.Map> all = new LinkedHashMap<>();
    Map<String, Origin> keys = new LinkedHashMap<>();
    if (sn instanceof CNode.Map services) {
      for (CNode.Entry e : services.entries().values()) {
        if (!(e.value() instanceof CNode.Map m)) {
          throw ComposeLoader.error(e.value(), "services." + e.key(), "must be a mapping");
        }
        all.put(e.key(), m);
        keys.put(e.key(), e.keyOrigin());
      }
    } else if (sn != null && !(sn instanceof CNode.Scalar s && s.isNull())) {
      throw ComposeLoader.error(sn, "services", "must be a mapping");
    }
    List<ComposeService> active = new ArrayList<>();
    List<String> inactive = new ArrayList<>();
    List<ComposeError> errors = new ArrayList<>();
    List<String> warns = new ArrayList<>(warnings); // the loader's, plus this project's own
    Map<String, CNode.Map> activeNodes = new LinkedHashMap<>();
    for (Map.Entry<String, CNode.Map> e : all.entrySet()) {
      List<String> serviceProfiles = strings(e.getValue().get("profiles"), "services." + e.getKey() + ".profiles");
      boolean on = serviceProfiles.isEmpty() || profiles.contains("*")
          || serviceProfiles.stream().anyMatch(profiles::contains);
      if (!on) {
        inactive.add(e.getKey());
        continue;
      }
      activeNodes.put(e.getKey(), e.getValue());
      active.add(service(e.getKey(), keys.get(e.getKey()), e.getValue(), serviceProfiles, errors, warns, dirOf));
    }
    Consistency.check(root, activeNodes, keys, inactive, all, errors, dirOf);
    return new ComposeProject(name, files, active, inactive, errors, warns);
  }

  // ------------------------------------------------------------------ one service

  private static ComposeService service(String name, Origin origin, CNode.Map s, List<String> profiles, List<ComposeError> errors,
      List<String> warnings, java.util.function.Function<String, java.nio.file.Path> dirOf) {
    String p = "services." + name;
    CNode.Map deploy = map(s.get("deploy"), p + ".deploy");
    CNode.Map resources = deploy == null ? null : map(deploy.get("resources"), p + ".deploy.resources");
    CNode.Map limits = resources == null ? null : map(resources.get("limits"), p + ".deploy.resources.limits");
    CNode.Map reservations = resources == null ? null : map(resources.get("reservations"), p + ".deploy.resources.reservations");

    Sourced<Long> scale = integer(s.get("scale"), p + ".scale");
    Sourced<Long> deployReplicas = deploy == null ? null : integer(deploy.get("replicas"), p + ".deploy.replicas");
    boolean global = deploy != null && deploy.get("mode") instanceof CNode.Scalar mode && "global".equals(mode.value());
    if (scale != null && deployReplicas != null && !scale.value().equals(deployReplicas.value())) {
      errors.add(new ComposeError(p + ": can't set distinct values on 'scale' and 'deploy.replicas'", name, scale.origin(),
          distinct("scale", "deploy.replicas")));
    }
    Sourced<Long> replicas = scale != null ? scale : deployReplicas;
    long count = global ? 1 : replicas == null ? 1 : replicas.value();

    Sourced<Bytes> memLimitKey = bytes(s.get("mem_limit"), p + ".mem_limit", warnings);
    Sourced<Bytes> deployMem = limits == null ? null : bytes(limits.get("memory"), p + ".deploy.resources.limits.memory", warnings);
    // compose compares whenever deploy.resources.limits exists: a memory left out there is 0, and differs
    if (memLimitKey != null && limits != null && (deployMem == null || !memLimitKey.value().equals(deployMem.value()))) {
      errors.add(new ComposeError(p + ": can't set distinct values on 'mem_limit' and 'deploy.resources.limits.memory'", name,
          memLimitKey.origin(), distinct("mem_limit", "deploy.resources.limits.memory")));
    }
    Sourced<Bytes> memResKey = bytes(s.get("mem_reservation"), p + ".mem_reservation", warnings);
    Sourced<Bytes> deployRes =
        reservations == null ? null : bytes(reservations.get("memory"), p + ".deploy.resources.reservations.memory", warnings);
    if (memResKey != null && reservations != null && (deployRes == null || !memResKey.value().equals(deployRes.value()))) {
      errors.add(new ComposeError(p + ": can't set distinct values on 'mem_reservation' and 'deploy.resources.reservations.memory'",
          name, memResKey.origin(), distinct("mem_reservation", "deploy.resources.reservations.memory")));
    }
    Sourced<Cpu> cpusKey = cpus(s.get("cpus"), p + ".cpus");
    Sourced<Cpu> deployCpus = limits == null ? null : cpus(limits.get("cpus"), p + ".deploy.resources.limits.cpus");
    if (cpusKey != null && limits != null && (deployCpus == null || cpusKey.value().compareTo(deployCpus.value()) != 0)) {
      errors.add(new ComposeError(p + ": can't set distinct values on 'cpus' and 'deploy.resources.limits.cpus'", name,
          cpusKey.origin(), distinct("cpus", "deploy.resources.limits.cpus")));
    }
    Sourced<Cpu> cpusRes = reservations == null ? null : cpus(reservations.get("cpus"), p + ".deploy.resources.reservations.cpus");

    GpuRequest gpu = gpu(s, reservations, p);
    CNode.Map headroom = map(s.get("x-headroom"), p + ".x-headroom");
    List<String> ignore = headroom == null ? List.of() : ruleIds(headroom.get("ignore"), p + ".x-headroom.ignore");
    Sourced<Bytes> gpuMemory = headroom == null ? null : bytes(headroom.get("gpu_memory"), p + ".x-headroom.gpu_memory", warnings);
    String image = s.get("image") instanceof CNode.Scalar img && !img.isNull() ? img.value() : null;
    List<Sourced<String>> command = ServiceProcess.command(s);
    return new ComposeService(name, origin, count, replicas == null ? null : replicas.origin(), global,
        deployMem != null ? deployMem : memLimitKey, deployRes != null ? deployRes : memResKey,
        deployCpus != null ? deployCpus : cpusKey, cpusRes, gpu, gpuMemory, image, profiles, ignore,
        ServiceProcess.environment(s, dirOf), command, ServiceProcess.mountedFiles(s, command, dirOf));
  }

  /** GPU devices from {@code deploy.resources.reservations.devices} (capability gpu) or {@code gpus}. */
  private static GpuRequest gpu(CNode.Map s, CNode.Map reservations, String p) {
    long count = 0;
    Origin at = null;
    if (reservations != null && reservations.get("devices") instanceof CNode.Seq devices) {
      for (CNode d : devices.items()) {
        if (!(d instanceof CNode.Map dm)) {
          continue;
        }
        boolean isGpu = strings(dm.get("capabilities"), p + ".deploy.resources.reservations.devices.capabilities").contains("gpu")
            || dm.get("driver") instanceof CNode.Scalar drv && "nvidia".equals(drv.value());
        if (!isGpu) {
          continue;
        }
        at = at == null ? dm.origin() : at;
        long n = deviceCount(dm);
        count = n == GpuRequest.ALL || count == GpuRequest.ALL ? GpuRequest.ALL : count + n;
      }
    }
    CNode gpus = s.get("gpus");
    if (gpus instanceof CNode.Scalar g && "all".equals(g.value())) {
      return new GpuRequest(GpuRequest.ALL, g.origin());
    }
    if (gpus instanceof CNode.Seq gl) {
      for (CNode d : gl.items()) {
        if (d instanceof CNode.Map dm) {
          at = at == null ? dm.origin() : at;
          long n = deviceCount(dm);
          count = n == GpuRequest.ALL || count == GpuRequest.ALL ? GpuRequest.ALL : count + n;
        }
      }
    }
    return at == null ? null : new GpuRequest(count, at);
  }

  private static long deviceCount(CNode.Map dm) {
    CNode c = dm.get("count");
    if (c instanceof CNode.Scalar cs && "all".equals(cs.value())) {
      return GpuRequest.ALL;
    }
    if (c instanceof CNode.Scalar cs && DIGITS_9.matcher(cs.value()).matches()) {
      return Long.parseLong(cs.value());
    }
    if (dm.get("device_ids") instanceof CNode.Seq ids) {
      return ids.items().size();
    }
    // docker: a device request without count or ids takes all devices
    return GpuRequest.ALL;
  }

  // ------------------------------------------------------------------ values

  static CNode.Map map(CNode n, String path) {
    if (n == null || n instanceof CNode.Scalar s && s.isNull()) {
      return null;
    }
    if (!(n instanceof CNode.Map m)) {
      throw ComposeLoader.error(n, path, "must be a mapping");
    }
    return m;
  }

  static List<String> strings(CNode n, String path) {
    if (n == null || n instanceof CNode.Scalar s && s.isNull()) {
      return List.of();
    }
    if (!(n instanceof CNode.Seq seq)) {
      throw ComposeLoader.error(n, path, "must be a list");
    }
    List<String> out = new ArrayList<>();
    for (CNode i : seq.items()) {
      if (!(i instanceof CNode.Scalar s) || s.isNull()) {
        throw ComposeLoader.error(i, path, "must be a list of strings");
      }
      out.add(s.value());
    }
    return out;
  }

  /** Rule ids to ignore: {@code HR} and three digits, so that a typo never silently ignores nothing. */
  private static List<String> ruleIds(CNode n, String path) {
    List<String> ids = strings(n, path);
    for (int i = 0; i < ids.size(); i++) {
      if (!ids.get(i).matches("HR[0-9]{3}")) {
        throw ComposeLoader.error(((CNode.Seq) n).items().get(i), path + "[" + i + "]",
            "'" + ids.get(i) + "' is not a rule id; write it as HR001 (docs/rules.md lists them)");
      }
    }
    return ids;
  }

  private static String distinct(String key, String deployKey) {
    return "keep one of " + key + " and " + deployKey + " (compose compares them whenever the deploy mapping is there),"
        + " or give both the same value";
  }

  /**
   * A whole number (scale, replicas): a YAML integer, or a float without a fraction; negative
   * refused as compose does. Strings never get here: compose casts them to integers first
   * ({@link Casts}).
   */
  private static Sourced<Long> integer(CNode n, String path) {
    if (n == null || n instanceof CNode.Scalar s && s.isNull()) {
      return null;
    }
    if (!(n instanceof CNode.Scalar s) || s.type() == YamlNode.Type.BOOL) {
      throw ComposeLoader.error(n, path, "must be an integer");
    }
    String v = s.value().strip();
    Long value = null;
    if (s.type() == YamlNode.Type.INT) {
      value = yamlInt(n, path, v);
    } else if (s.type() == YamlNode.Type.FLOAT && WHOLE_FLOAT.matcher(v).matches()) {
      value = Long.parseLong(v.substring(v.startsWith("+") ? 1 : 0, v.indexOf('.')));
    } else if (SIGNED_LONG.matcher(v).matches()) {
      value = Long.parseLong(v.startsWith("+") ? v.substring(1) : v);
    }
    if (value == null) {
      throw ComposeLoader.error(n, path, "must be an integer, got '" + s.value() + "'");
    }
    if (value < 0) {
      throw ComposeLoader.error(n, path, "must be greater than or equal to 0");
    }
    return new Sourced<>(value, s.origin());
  }

  /**
   * A plain YAML integer as docker compose's YAML library (go-yaml v3) reads it: Go's
   * {@code strconv.ParseInt(s, 0, 64)}, so {@code 0x1F} is hexadecimal, {@code 0o17} and, as in
   * YAML 1.1, {@code 017} octal; {@code 08} and {@code 09}, no octal, are the floats 8 and 9.
   */
  static long yamlInt(CNode at, String path, String text) {
    boolean negative = text.startsWith("-");
    String digits = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
    int radix = 10;
    if (digits.startsWith("0x") || digits.startsWith("0X")) {
      radix = 16;
      digits = digits.substring(2);
    } else if (digits.startsWith("0o") || digits.startsWith("0O")) {
      radix = 8;
      digits = digits.substring(2);
    } else if (digits.length() > 1 && digits.startsWith("0") && digits.chars().allMatch(c -> c >= '0' && c <= '7')) {
      radix = 8;
    }
    try {
      BigInteger v = new BigInteger(digits, radix);
      return (negative ? v.negate() : v).longValueExact();
    } catch (NumberFormatException e) {
      throw ComposeLoader.error(at, path, "must be an integer, got '" + text + "'");
    } catch (ArithmeticException e) {
      throw ComposeLoader.error(at, path, text + " is out of range (more than 2^63-1)");
    }
  }

  /**
   * Memory with compose's rules (compose-go UnitBytes): a YAML integer is bytes; a string goes
   * through go-units RAMInBytes; 0 means unset. A YAML float is ignored by docker compose (no limit
   * is set): headroom does the same, and says so in a warning.
   */
  private static Sourced<Bytes> bytes(CNode n, String path, List<String> warnings) {
    if (n == null || n instanceof CNode.Scalar s && s.isNull()) {
      return null;
    }
    if (!(n instanceof CNode.Scalar s) || s.type() == YamlNode.Type.BOOL) {
      throw ComposeLoader.error(n, path, "must be a number of bytes or a string such as 512m");
    }
    Bytes b;
    try {
      switch (s.type()) {
        case INT -> {
          long v = yamlInt(n, path, s.value());
          if (v < 0) {
            throw ComposeLoader.error(n, path, "must not be negative");
          }
          b = Bytes.of(v);
        }
        case FLOAT -> {
          Origin o = s.origin();
          warnings.add(o.file() + ":" + o.line() + ":" + o.column() + ": " + path + ": " + s.value()
              + " is a YAML float, which docker compose ignores: no value is set; write an integer number of bytes"
              + " or a string such as \"1.5g\"");
          return null;
        }
        default -> b = Units.parseComposeBytes(s.value());
      }
    } catch (QuantityException e) {
      throw ComposeLoader.error(n, path, e.getMessage());
    }
    return b.isZero() ? null : new Sourced<>(b, s.origin());
  }

  /** Go's {@code strconv.ParseFloat} syntax, decimal form (hexadecimal floats are refused below). */
  private static final Pattern GO_FLOAT =
      Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");

  /** 1,000,000,000 CPUs: far past any machine; as nanoCPUs (10^18) still within docker's int64. */
  private static final BigDecimal MAX_CPUS = BigDecimal.TEN.pow(9);

  /**
   * CPUs: a YAML number or a string in Go's float syntax ({@code 0.5}, {@code .5}, {@code 5.},
   * {@code 1e-1}, {@code +1}), read exactly; docker counts nanoCPUs, so decimals past the ninth
   * are dropped; 0 (and anything below a nanoCPU) means unset. Negative, infinite, NaN and absurdly
   * large values are refused, and Kubernetes millicores ({@code 500m}) get the fix.
   */
  private static Sourced<Cpu> cpus(CNode n, String path) {
    if (n == null || n instanceof CNode.Scalar s && s.isNull()) {
      return null;
    }
    if (!(n instanceof CNode.Scalar s) || s.type() == YamlNode.Type.BOOL) {
      throw ComposeLoader.error(n, path, "must be a number of CPUs such as 0.5");
    }
    String v = s.value().strip();
    BigDecimal cores;
    if (s.type() == YamlNode.Type.INT) {
      cores = BigDecimal.valueOf(yamlInt(n, path, v));
    } else if (v.length() <= 64 && GO_FLOAT.matcher(v).matches()) {
      String mantissa = v.replaceFirst("[eE].*", "");
      String exponent = v.length() > mantissa.length() ? v.substring(mantissa.length() + 1) : "0";
      // an exponent past ±1000 is 0 or absurd whatever the digits: decide before BigDecimal scales it
      BigDecimal m = new BigDecimal(mantissa.endsWith(".") ? mantissa + "0" : mantissa);
      if (m.signum() == 0) {
        cores = BigDecimal.ZERO;
      } else if (exponent.replaceFirst("^[+-]", "").replaceFirst("^0+", "").length() <= 3) {
        cores = m.scaleByPowerOfTen(Integer.parseInt(exponent.replace("+", "")));
      } else {
        cores = exponent.startsWith("-") ? BigDecimal.ZERO : MAX_CPUS.add(BigDecimal.ONE).multiply(
            BigDecimal.valueOf(m.signum()));
      }
    } else if (v.length() <= 64 && MILLICORES.matcher(v).matches()) {
      throw ComposeLoader.error(n, path, "CPU '" + s.value() + "' uses Kubernetes millicores; write cores as a decimal: "
          + new BigDecimal(v.substring(0, v.length() - 1)).movePointLeft(3).stripTrailingZeros().toPlainString());
    } else {
      throw ComposeLoader.error(n, path, "'" + s.value() + "' is not a number of CPUs such as 0.5");
    }
    if (cores.signum() < 0) {
      throw ComposeLoader.error(n, path, "CPU '" + s.value() + "' is negative; write a number of cores ≥ 0");
    }
    if (cores.compareTo(MAX_CPUS) > 0) {
      throw ComposeLoader.error(n, path, s.value() + " CPUs is more than any host has (at most 1000000000)");
    }
    Cpu c = Cpu.of(cores.setScale(Cpu.MAX_SCALE, RoundingMode.DOWN).stripTrailingZeros().toPlainString());
    return c.isZero() ? null : new Sourced<>(c, s.origin());
  }

  static boolean isNull(CNode n) {
    return n == null || n instanceof CNode.Scalar s && s.isNull();
  }

  /** The keys of a mapping (top-level networks, volumes, ...); empty for anything else. */
  static Set<String> keysOf(CNode n) {
    return n instanceof CNode.Map m ? new java.util.LinkedHashSet<>(m.entries().keySet()) : Set.of();
  }
}
