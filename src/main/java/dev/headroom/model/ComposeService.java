package dev.headroom.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One service of a compose project as docker compose would run it: replicas and container
 * resources per replica, each figure with the file and line it came from.
 *
 * @param origin the service's key ({@code services.NAME})
 * @param replicas {@code scale}, else {@code deploy.replicas}, else 1; 1 for {@code deploy.mode: global}
 * @param memLimit null when unset ({@code 0} is unset in compose)
 * @param memReservation null when unset
 * @param cpusLimit null when unset
 * @param cpusReservation null when unset
 * @param gpu GPU devices requested, or null
 * @param gpuMemory GPU memory per replica from {@code x-headroom: {gpu_memory: ...}}, or null
 * @param ignore rule ids this service switches off ({@code x-headroom: {ignore: [HR001]}})
 * @param environment the container's variables: its {@code env_file}s in order, then {@code
 *     environment}, which wins; each value with where it is written
 * @param command the words of {@code command} (a list, or a string split as a shell splits it)
 * @param files configuration files the project mounts where the command reads them: container path
 *     to the file's text, with the host file's name
 */
public record ComposeService(
    String name,
    Origin origin,
    long replicas,
    Origin replicasOrigin,
    boolean global,
    Sourced<Bytes> memLimit,
    Sourced<Bytes> memReservation,
    Sourced<Cpu> cpusLimit,
    Sourced<Cpu> cpusReservation,
    GpuRequest gpu,
    Sourced<Bytes> gpuMemory,
    String image,
    List<String> profiles,
    List<String> ignore,
    Map<String, Sourced<String>> environment,
    List<Sourced<String>> command,
    Map<String, Sourced<String>> files) {

  /** A value and the file and line it came from. */
  public record Sourced<T>(T value, Origin origin) {
    public Sourced {
      Objects.requireNonNull(value);
      Objects.requireNonNull(origin);
    }
  }

  /**
   * GPU devices asked for: {@code count} devices, or all of them ({@code count == -1}); from {@code
   * deploy.resources.reservations.devices} with the {@code gpu} capability, or {@code gpus}.
   */
  public record GpuRequest(long count, Origin origin) {
    public static final long ALL = -1;
  }

  /** A service without environment or command. */
  public ComposeService(String name, Origin origin, long replicas, Origin replicasOrigin, boolean global,
      Sourced<Bytes> memLimit, Sourced<Bytes> memReservation, Sourced<Cpu> cpusLimit, Sourced<Cpu> cpusReservation,
      GpuRequest gpu, Sourced<Bytes> gpuMemory, String image, List<String> profiles, List<String> ignore) {
    this(name, origin, replicas, replicasOrigin, global, memLimit, memReservation, cpusLimit, cpusReservation, gpu,
        gpuMemory, image, profiles, ignore, Map.of(), List.of(), Map.of());
  }

  public ComposeService {
    environment = ordered(environment);
    command = List.copyOf(command);
    files = ordered(files);
    Objects.requireNonNull(name);
    Objects.requireNonNull(origin);
    profiles = List.copyOf(profiles);
    ignore = List.copyOf(ignore);
  }

  /** An unmodifiable copy in the same order; an empty map costs nothing (a large file has many). */
  private static <V> Map<String, V> ordered(Map<String, V> m) {
    return m.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(m));
  }

  public Bytes memLimitOrNull() {
    return memLimit == null ? null : memLimit.value();
  }

  public Bytes memReservationOrNull() {
    return memReservation == null ? null : memReservation.value();
  }

  public Cpu cpusLimitOrNull() {
    return cpusLimit == null ? null : cpusLimit.value();
  }

  public Cpu cpusReservationOrNull() {
    return cpusReservation == null ? null : cpusReservation.value();
  }
}
