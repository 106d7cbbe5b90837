package dev.headroom.solve;

import dev.headroom.model.Bytes;
import dev.headroom.model.Catalog;
import dev.headroom.model.Component;
import dev.headroom.model.Cpu;
import dev.headroom.model.Host;
import dev.headroom.model.Optimization;
import dev.headroom.model.Origin;
import dev.headroom.model.Range;
import dev.headroom.model.Resources;
import dev.headroom.model.Scenario;
import dev.headroom.model.Service;
import dev.headroom.model.Stack;
import dev.headroom.model.Thresholds;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small builders for solver tests: sizes in MiB unless said otherwise. */
final class Fixtures {
  private Fixtures() {}

  static final Origin HERE = new Origin("test.yaml", 1, 1);

  static Bytes mib(long n) {
    return Bytes.mib(n);
  }

  static Range mib(long low, long high) {
    return new Range(Bytes.mib(low), Bytes.mib(high));
  }

  static Host host(String id, long totalMib, long reservedMib) {
    return new Host(id, id, "arm64", mib(totalMib), mib(reservedMib), null, null, null, Thresholds.DEFAULT, null, null, HERE);
  }

  static Host host(String id, long totalMib, long reservedMib, String warn, String critical) {
    return new Host(id, id, "arm64", mib(totalMib), mib(reservedMib), null, null, null,
        new Thresholds(new BigDecimal(warn), new BigDecimal(critical)), null, null, HERE);
  }

  static Host withCpu(Host h, String cores, String reserved) {
    return new Host(h.id(), h.name(), h.arch(), h.memoryTotal(), h.memoryReserved(), h.swap(),
        new Host.CpuSpec(Cpu.of(cores), Cpu.of(reserved)), h.gpu(), h.thresholds(), h.costPerHour(), h.source(), h.origin());
  }

  static Host withGpu(Host h, long gpuMib) {
    return new Host(h.id(), h.name(), h.arch(), h.memoryTotal(), h.memoryReserved(), h.swap(), h.cpu(),
        new Host.Gpu("test GPU", mib(gpuMib)), h.thresholds(), h.costPerHour(), h.source(), h.origin());
  }

  static Service service(String id, Range memory) {
    return new Service(id, id, List.of(new Component(id, memory, List.of(), HERE)), null, null, null, null, null, HERE);
  }

  static Service service(String id, long mib) {
    return service(id, Range.exactly(mib(mib)));
  }

  static Service withCpu(Service s, String cpu) {
    return new Service(s.id(), s.name(), s.components(), Cpu.of(cpu), s.gpuMemory(), s.limits(), s.reservations(), s.source(),
        s.origin());
  }

  static Service withGpu(Service s, long gpuMib) {
    return new Service(s.id(), s.name(), s.components(), s.cpu(), mib(gpuMib), s.limits(), s.reservations(), s.source(),
        s.origin());
  }

  static Service withLimits(Service s, Long limitMib, Long reservationMib) {
    return new Service(s.id(), s.name(), s.components(), s.cpu(), s.gpuMemory(),
        new Resources(limitMib == null ? null : mib(limitMib), null, HERE),
        new Resources(reservationMib == null ? null : mib(reservationMib), null, HERE), s.source(), s.origin());
  }

  static Component component(String name, Range size, Optimization... opts) {
    return new Component(name, size, Arrays.asList(opts), HERE);
  }

  static Optimization opt(String id, long savesMib) {
    return new Optimization(id, mib(savesMib), BigDecimal.ONE, null, HERE);
  }

  static Service composite(String id, Component... components) {
    return new Service(id, id, Arrays.asList(components), null, null, null, null, null, HERE);
  }

  static Stack stack(String id, List<String> perAgent, List<String> shared, Scenario... scenarios) {
    Map<String, Scenario> m = new LinkedHashMap<>();
    for (Scenario s : scenarios) {
      m.put(s.name(), s);
    }
    return new Stack(id, id, true, perAgent, shared, m, null, HERE);
  }

  static Scenario scenario(String name, boolean all, List<String> apply, Map<String, String> replace) {
    return new Scenario(name, all, apply, replace, List.of(), List.of(), List.of(), null, HERE);
  }

  static Catalog catalog(List<Host> hosts, List<Service> services, List<Stack> stacks) {
    Map<String, Host> h = new LinkedHashMap<>();
    hosts.forEach(x -> h.put(x.id(), x));
    Map<String, Service> s = new LinkedHashMap<>();
    services.forEach(x -> s.put(x.id(), x));
    Map<String, Stack> st = new LinkedHashMap<>();
    stacks.forEach(x -> st.put(x.id(), x));
    return new Catalog(h, s, st, stacks.isEmpty() ? null : stacks.get(0).id());
  }
}
