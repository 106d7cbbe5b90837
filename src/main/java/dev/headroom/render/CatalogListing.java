package dev.headroom.render;

import dev.headroom.model.Bytes;
import dev.headroom.model.Catalog;
import dev.headroom.model.Host;
import dev.headroom.model.Range;
import dev.headroom.model.Service;
import dev.headroom.model.Stack;
import dev.headroom.render.TextTable.Align;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code headroom hosts|stacks|services}: the catalog as a table (text or markdown) or as JSON. The
 * table is built once as headers and cells, then printed in either form.
 */
public final class CatalogListing {
  private CatalogListing() {}

  /** A table before formatting; {@code align} is 'l' or 'r' per column. */
  record Table(List<String> headers, String align, List<List<String>> rows) {
    void text(PrintWriter out) {
      Align[] a = new Align[headers.size()];
      for (int i = 0; i < a.length; i++) {
        a[i] = align.charAt(i) == 'r' ? Align.RIGHT : Align.LEFT;
      }
      TextTable t = new TextTable(headers, a);
      for (List<String> r : rows) {
        t.row(r.stream().map(Style::clean).toArray(String[]::new));
      }
      out.print(t.render());
    }

    void markdown(PrintWriter out) {
      List<List<String>> escaped = rows.stream().map(r -> r.stream().map(Markdown::escape).toList()).toList();
      out.print(Markdown.table(headers, align, escaped));
    }
  }

  // ------------------------------------------------------------------ hosts

  /** Hosts smallest first (available memory, then id), as in a matrix of all hosts. */
  public static List<Host> bySize(Catalog c) {
    return c.hosts().values().stream()
        .sorted(java.util.Comparator.comparing(Host::available).thenComparing(Host::id))
        .toList();
  }

  static Table hostTable(Catalog c) {
    List<List<String>> rows = new ArrayList<>();
    for (Host h : bySize(c)) {
      rows.add(List.of(
          h.id(), h.name(), h.arch() == null ? "" : h.arch(), h.memoryTotal().toString(), h.memoryReserved().toString(),
          h.available().toString(), h.cpu() == null ? "" : cores(h.cpu()),
          h.gpu() == null ? "" : (h.gpu().model() == null ? "" : h.gpu().model() + " ") + h.gpu().memory(),
          Formats.threshold(h.thresholds().warn()) + "/" + Formats.threshold(h.thresholds().critical()),
          h.origin().toString()));
    }
    return new Table(
        List.of("ID", "NAME", "ARCH", "MEMORY", "RESERVED", "AVAILABLE", "CPU", "GPU", "WARN/CRIT", "SOURCE"),
        "lllrrrrlrl", rows);
  }

  /** {@code 4}, or {@code 3.5 of 4} when cores are reserved: the cores a stack can use. */
  private static String cores(Host.CpuSpec cpu) {
    return cpu.reserved().isZero() ? cpu.cores().toString() : cpu.available() + " of " + cpu.cores();
  }

  public record HostOut(
      String id, String name, String arch, long totalBytes, long reservedBytes, long availableBytes, Long swapBytes,
      BigDecimal cores, BigDecimal coresAvailable, String gpuModel, Long gpuMemoryBytes, BigDecimal warn,
      BigDecimal critical, BigDecimal costPerHour, String source, String origin) {}

  public record HostsOut(String schema, List<HostOut> hosts) {}

  static HostsOut hostsJson(Catalog c) {
    List<HostOut> out = new ArrayList<>();
    for (Host h : bySize(c)) {
      out.add(new HostOut(h.id(), h.name(), h.arch(), h.memoryTotal().value(), h.memoryReserved().value(),
          h.available().value(), h.swap() == null ? null : h.swap().value(),
          h.cpu() == null ? null : h.cpu().cores().cores(), h.cpu() == null ? null : h.cpu().available().cores(),
          h.gpu() == null ? null : h.gpu().model(), h.gpu() == null ? null : h.gpu().memory().value(),
          h.thresholds().warn(), h.thresholds().critical(), h.costPerHour(), h.source(), h.origin().toString()));
    }
    return new HostsOut("headroom.hosts/v1", out);
  }

  // ------------------------------------------------------------------ services

  static Table serviceTable(Catalog c) {
    List<List<String>> rows = new ArrayList<>();
    for (Service s : c.services().values()) {
      rows.add(List.of(
          s.id(), s.name(), s.memory().toString(), Integer.toString(s.components().size()),
          Integer.toString(s.optimizations().size()), bytes(s.limits().memory()), bytes(s.reservations().memory()),
          s.cpu() == null ? "" : s.cpu().toString(), s.origin().toString()));
    }
    return new Table(
        List.of("ID", "NAME", "MEMORY", "PARTS", "OPTS", "LIMIT", "RESERVATION", "CPU", "SOURCE"), "lllrrrrrl", rows);
  }

  public record ServiceOut(
      String id, String name, PlanJson.MemoryRange memory, int components, List<String> optimizations,
      Long limitBytes, Long reservationBytes, BigDecimal cpu, Long gpuMemoryBytes, String source, String origin) {}

  public record ServicesOut(String schema, List<ServiceOut> services) {}

  static ServicesOut servicesJson(Catalog c) {
    List<ServiceOut> out = new ArrayList<>();
    for (Service s : c.services().values()) {
      Range m = s.memory();
      out.add(new ServiceOut(s.id(), s.name(), PlanJson.MemoryRange.of(m), s.components().size(),
          s.optimizations().stream().map(o -> o.id()).toList(), value(s.limits().memory()),
          value(s.reservations().memory()), s.cpu() == null ? null : s.cpu().cores(),
          s.gpuMemory().isZero() ? null : s.gpuMemory().value(), s.source(), s.origin().toString()));
    }
    return new ServicesOut("headroom.services/v1", out);
  }

  // ------------------------------------------------------------------ stacks

  static Table stackTable(Catalog c) {
    List<List<String>> rows = new ArrayList<>();
    for (Stack s : c.stacks().values()) {
      rows.add(List.of(
          s.id(), s.id().equals(c.defaultStack()) ? "yes" : "", Integer.toString(s.perAgent().size()),
          sum(c, s.perAgent()).toString(), Integer.toString(s.shared().size()), sum(c, s.shared()).toString(),
          String.join(", ", s.scenarioNames()), s.origin().toString()));
    }
    return new Table(
        List.of("ID", "DEFAULT", "N", "PER AGENT", "N", "SHARED", "SCENARIOS", "SOURCE"), "llrrrrll", rows);
  }

  public record StackOut(
      String id, String name, boolean isDefault, List<String> perAgent, List<String> shared, List<String> scenarios,
      PlanJson.MemoryRange perAgentMemory, PlanJson.MemoryRange sharedMemory, String source, String origin) {}

  public record StacksOut(String schema, String defaultStack, List<StackOut> stacks) {}

  static StacksOut stacksJson(Catalog c) {
    List<StackOut> out = new ArrayList<>();
    for (Stack s : c.stacks().values()) {
      out.add(new StackOut(s.id(), s.name(), s.id().equals(c.defaultStack()), s.perAgent(), s.shared(), s.scenarioNames(),
          PlanJson.MemoryRange.of(sum(c, s.perAgent())), PlanJson.MemoryRange.of(sum(c, s.shared())), s.source(),
          s.origin().toString()));
    }
    return new StacksOut("headroom.stacks/v1", c.defaultStack(), out);
  }

  /** The footprint of the listed services, before any scenario. */
  private static Range sum(Catalog c, List<String> ids) {
    Range r = Range.ZERO;
    for (String id : ids) {
      r = r.plus(c.services().get(id).memory());
    }
    return r;
  }

  private static String bytes(Bytes b) {
    return b == null ? "" : b.toString();
  }

  private static Long value(Bytes b) {
    return b == null ? null : b.value();
  }

  // ------------------------------------------------------------------ entry points

  /** What to list. */
  public enum Kind {
    HOSTS,
    SERVICES,
    STACKS
  }

  public static void text(Catalog c, Kind kind, PrintWriter out) {
    table(c, kind).text(out);
  }

  public static void markdown(Catalog c, Kind kind, PrintWriter out) {
    table(c, kind).markdown(out);
  }

  public static void json(Catalog c, Kind kind, PrintWriter out) {
    Object o =
        switch (kind) {
          case HOSTS -> hostsJson(c);
          case SERVICES -> servicesJson(c);
          case STACKS -> stacksJson(c);
        };
    Json.write(o, out);
  }

  private static Table table(Catalog c, Kind kind) {
    return switch (kind) {
      case HOSTS -> hostTable(c);
      case SERVICES -> serviceTable(c);
      case STACKS -> stackTable(c);
    };
  }
}
