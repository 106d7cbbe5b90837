package dev.headroom.model;

/**
 * Container limits or reservations; either part may be null (unset).
 */
public record Resources(Bytes memory, Cpu cpus, Origin origin) {
  public static final Resources NONE = new Resources(null, null, Origin.NONE);

  public boolean isEmpty() {
    return memory == null && cpus == null;
  }
}
