package dev.headroom.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A machine to deploy on. {@code available = memory.total - memory.reserved}.
 *
 * @param swap null when the profile does not say
 * @param cpu null when the profile does not say
 * @param gpu null when the host has no GPU
 * @param costPerHour USD, null when unknown
 */
public record Host(
    String id,
    String name,
    String arch,
    Bytes memoryTotal,
    Bytes memoryReserved,
    Bytes swap,
    CpuSpec cpu,
    Gpu gpu,
    Thresholds thresholds,
    BigDecimal costPerHour,
    String source,
    Origin origin) {

  /** Cores and the cores kept back for the system; {@code available = cores - reserved}. */
  public record CpuSpec(Cpu cores, Cpu reserved) {
    public CpuSpec {
      Objects.requireNonNull(cores);
      Objects.requireNonNull(reserved);
      if (reserved.compareTo(cores) > 0) {
        throw new IllegalArgumentException("reserved cores " + reserved + " exceed cores " + cores);
      }
    }

    public Cpu available() {
      return cores.minus(reserved);
    }
  }

  public record Gpu(String model, Bytes memory) {
    public Gpu {
      Objects.requireNonNull(memory);
    }
  }

  public Host {
    Objects.requireNonNull(id);
    Objects.requireNonNull(memoryTotal);
    Objects.requireNonNull(memoryReserved);
    Objects.requireNonNull(thresholds);
    Objects.requireNonNull(origin);
    if (memoryReserved.compareTo(memoryTotal) > 0) {
      throw new IllegalArgumentException("reserved memory " + memoryReserved + " exceeds total " + memoryTotal);
    }
    name = name == null ? id : name;
  }

  public Bytes available() {
    return memoryTotal.minus(memoryReserved);
  }
}
