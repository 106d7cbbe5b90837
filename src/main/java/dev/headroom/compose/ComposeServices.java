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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the services of a merged compose model: which are active under the enabled profiles, their
 * replicas and resources (compose's unit rules), and what docker compose's consistency check
 * (compose-go {@code checkConsistency}) would refuse, worded as it words it.
 */
final class ComposeServices {
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
          throw ComposeLoader.error(e.value(), "services." + e.key(), "services." + e.key() + " must be a mapping");
        }
        all.put(e.key(), m);
        keys.put(e.key(), e.keyOrigin());
      }
    } else if (sn != null && !(sn instanceof CNode.Scalar s && s.isNull())) {
      throw ComposeLoader.error(sn, "services", "services must be a mapping");
    }
    List<ComposeService> active = new ArrayList<>();
    List<String> inactive = new ArrayList<>();
    List<ComposeError> errors = new ArrayList<>();
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
      active.add(service(e.getKey(), keys.get(e.getKey()), e.getValue(), serviceProfiles, errors));
    }
    Consistency.check(root, activeNodes, keys, inactive, all, errors, dirOf);
    return new ComposeProject(name, files, active, inactive, errors, warnings);
  }

  // ------------------------------------------------------------------ one service

  private static ComposeService service(String name, Origin origin, CNode.Map s, List<String> profiles, List<ComposeError> errors) {
    String p = "services." + name;
    CNode.Map deploy = map(s.get("deploy"), p + ".deploy");
    CNode.Map resources = deploy == null ? null : map(deploy.get("resources"), p + ".deploy.resources");
    CNode.Map limits = resources == null ? null : map(resources.get("limits"), p + ".deploy.resources.limits");
    CNode.Map reservations = resources == null ? null : map(resources.get("reservations"), p + ".deploy.resources.reservations");

    Sourced<Long> scale = integer(s.get("scale"), p + ".scale");
    Sourced<Long> deployReplicas = deploy == null ? null : integer(deploy.get("replicas"), p + ".deploy.replicas");
    boolean global = deploy != null && deploy.get("mode") instanceof CNode.Scalar mode && "global".equals(mode.value());
    if (scale != null && deployReplicas != null && !scale.value().equals(deployReplicas.value())) {
      errors.add(new ComposeError(p + ": can't set distinct values on 'scale' and 'deploy.replicas'", name, scale.origin()));
    }
    Sourced<Long> replicas = scale != null ? scale : deployReplicas;
    long count = global ? 1 : replicas == null ? 1 : replicas.value();

    Sourced<Bytes> memLimitKey = bytes(s.get("mem_limit"), p + ".mem_limit", errors, name);
    Sourced<Bytes> deployMem = limits == null ? null : bytes(limits.get("memory"), p + ".deploy.resources.limits.memory", errors, name);
    // compose compares whenever deploy.resources.limits exists: a memory left out there is 0, and differs
    if (memLimitKey != null && limits != null && (deployMem == null || !memLimitKey.value().equals(deployMem.value()))) {
      errors.add(new ComposeError(p + ": can't set distinct values on 'mem_limit' and 'deploy.resources.limits.memory'", name,
          memLimitKey.origin()));
    }
    Sourced<Bytes> memResKey = bytes(s.get("mem_reservation"), p + ".mem_reservation", errors, name);
    Sourced<Bytes> deployRes =
        reservations == null ? null : bytes(reservations.get("memory"), p + ".deploy.resources.reservations.memory", errors, name);
    if (memResKey != null && reservations != null && (deployRes == null || !memResKey.value().equals(deployRes.value()))) {
      errors.add(new ComposeError(p + ": can't set distinct values on 'mem_reservation' and 'deploy.resources.reservations.memory'",
          name, memResKey.origin()));
    }
    Sourced<Cpu> cpusKey = cpus(s.get("cpus"), p + ".cpus");
    Sourced<Cpu> deployCpus = limits == null ? null : cpus(limits.get("cpus"), p + ".deploy.resources.limits.cpus");
    if (cpusKey != null && limits != null && (deployCpus == null || cpusKey.value().compareTo(deployCpus.value()) != 0)) {
      errors.add(new ComposeError(p + ": can't set distinct values on 'cpus' and 'deploy.resources.limits.cpus'", name,
          cpusKey.origin()));
    }
    Sourced<Cpu> cpusRes = reservations == null ? null : cpus(reservations.get("cpus"), p + ".deploy.resources.reservations.cpus");

    GpuRequest gpu = gpu(s, reservations, p);
    CNode.Map headroom = map(s.get("x-headroom"), p + ".x-headroom");
    List<String> ignore = headroom == null ? List.of() : strings(headroom.get("ignore"), p + ".x-headroom.ignore");
    Sourced<Bytes> gpuMemory = headroom == null ? null : bytes(headroom.get("gpu_memory"), p + ".x-headroom.gpu_memory", errors, name);
    String image = s.get("image") instanceof CNode.Scalar img && !img.isNull() ? img.value() : null;
    return new ComposeService(name, origin, count, replicas == null ? null : replicas.origin(), global,
        deployMem != null ? deployMem : memLimitKey, deployRes != null ? deployRes : memResKey,
        deployCpus != null ? deployCpus : cpusKey, cpusRes, gpu, gpuMemory, image, profiles, ignore);
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
    if (c instanceof CNode.Scalar cs && cs.value().matches("[0-9]{1,9}")) {
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
      throw ComposeLoader.error(n, path, path + " must be a mapping");
    }
    return m;
  }

  static List<String> strings(CNode n, String path) {
    if (n == null || n instanceof CNode.Scalar s && s.isNull()) {
      return List.of();
    }
    if (!(n instanceof CNode.Seq seq)) {
      throw ComposeLoader.error(n, path, path + " must be a list");
    }
    List<String> out = new ArrayList<>();
    for (CNode i : seq.items()) {
      if (!(i instanceof CNode.Scalar s) || s.isNull()) {
        throw ComposeLoader.error(i, path, path + " must be a list of strings");
      }
      out.add(s.value());
    }
    return out;
  }

  /** A whole number (scale, replicas): a YAML integer or a string of one; negative refused as compose does. */
  private static Sourced<Long> integer(CNode n, String path) {
    if (n == null || n instanceof CNode.Scalar s && s.isNull()) {
      return null;
    }
    if (!(n instanceof CNode.Scalar s) || s.type() == YamlNode.Type.BOOL) {
      throw ComposeLoader.error(n, path, path + " must be an integer");
    }
    String v = s.value().strip();
    if (s.type() == YamlNode.Type.FLOAT && v.matches("[+-]?[0-9]{1,18}\\.0*")) {
      v = v.substring(0, v.indexOf('.'));
    }
    if (!v.matches("[+-]?[0-9]{1,18}")) {
      throw ComposeLoader.error(n, path, path + " must be an integer, got '" + s.value() + "'");
    }
    long value = Long.parseLong(v.startsWith("+") ? v.substring(1) : v);
    if (value < 0) {
      throw ComposeLoader.error(n, path, path + " must be greater than or equal to 0");
    }
    return new Sourced<>(value, s.origin());
  }

  /**
   * Memory with compose's rules (compose-go UnitBytes): a YAML integer is bytes; a string goes
   * through go-units RAMInBytes; 0 means unset. A YAML float is ignored by docker compose (no limit
   * is set): headroom does the same, and says so.
   */
  private static Sourced<Bytes> bytes(CNode n, String path, List<ComposeError> errors, String service) {
    if (n == null || n instanceof CNode.Scalar s && s.isNull()) {
      return null;
    }
    if (!(n instanceof CNode.Scalar s) || s.type() == YamlNode.Type.BOOL) {
      throw ComposeLoader.error(n, path, path + " must be a number of bytes or a string such as 512m");
    }
    Bytes b;
    try {
      switch (s.type()) {
        case INT -> {
          String v = s.value();
          if (v.startsWith("-")) {
            throw ComposeLoader.error(n, path, path + " must not be negative");
          }
          b = Units.parseComposeBytes(v.startsWith("+") ? v.substring(1) : v);
        }
        case FLOAT -> {
          errors.add(new ComposeError(path + ": " + s.value() + " is a YAML float, which docker compose ignores (no value is set);"
              + " write an integer number of bytes or a string such as \"1.5g\"", service, s.origin()));
          return null;
        }
        default -> b = Units.parseComposeBytes(s.value());
      }
    } catch (QuantityException e) {
      throw ComposeLoader.error(n, path, e.getMessage());
    }
    return b.isZero() ? null : new Sourced<>(b, s.origin());
  }

  /** CPUs: a decimal number (YAML number or string), exact; 0 means unset. */
  private static Sourced<Cpu> cpus(CNode n, String path) {
    if (n == null || n instanceof CNode.Scalar s && s.isNull()) {
      return null;
    }
    if (!(n instanceof CNode.Scalar s) || s.type() == YamlNode.Type.BOOL) {
      throw ComposeLoader.error(n, path, path + " must be a number of CPUs such as 0.5");
    }
    Cpu c;
    try {
      c = Cpu.parse(s.value());
    } catch (QuantityException e) {
      throw ComposeLoader.error(n, path, e.getMessage());
    }
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
