package dev.headroom.solve;

/**
 * The rules of the compose gate, documented in {@code docs/rules.md}. Each has a default severity;
 * {@code .headroom.yaml} can change it, and a service can ignore a rule with {@code x-headroom:
 * {ignore: [HR001]}}.
 */
public enum Rule {
  HR001("memory-limit-missing", Severity.WARNING, false, "a service has no memory limit",
      "Without deploy.resources.limits.memory (or mem_limit), a container can grow until the kernel's out-of-memory killer"
          + " picks a victim, which may be another service. A limit contains the damage to the service that leaks."),
  HR002("reservation-above-limit", Severity.ERROR, false, "a reservation is above its limit",
      "A memory or CPU reservation above its limit cannot be honoured: docker refuses to start the container."),
  HR003("limits-over-budget", Severity.ERROR, true, "the memory limits × replicas exceed the host's budget",
      "The memory limits × replicas of the active services against the host's available memory (total − reserved): above"
          + " the available memory or the critical threshold is an error, above the warn threshold a warning."),
  HR004("reservations-over-available", Severity.ERROR, true, "the memory reservations exceed the available memory",
      "Reservations are what the stack asks to be guaranteed; more than the host has cannot be guaranteed, and an"
          + " orchestrator refuses to schedule it."),
  HR005("cpu-oversubscribed", Severity.WARNING, true, "the CPU limits × replicas exceed the available cores",
      "CPU is compressible: the services are throttled rather than killed, so this is a warning. Available cores are the"
          + " host's cpu.cores minus cpu.reserved."),
  HR006("cpus-above-host", Severity.ERROR, true, "one service asks for more CPUs than the host has",
      "docker refuses to create a container whose cpus exceed the machine's CPU count."),
  HR007("compose-refuses", Severity.ERROR, false, "docker compose refuses the file",
      "What docker compose config would stop on (values that disagree, undefined references, dependency cycles, a missing"
          + " env_file, ...), worded as it words it. docker compose stops at the first; headroom reports them all."),
  HR008("gpu-memory-over-budget", Severity.ERROR, true, "GPU memory exceeds the host's GPU",
      "The GPU memory × replicas of the services that request GPU devices (x-headroom: {gpu_memory: ...} per replica)"
          + " against the host's GPU: a host without a GPU is an error, a service that gives no GPU memory a warning."),
  HR101("node-heap-above-limit", Severity.ERROR, false, "Node's heap is at or above the container limit",
      "--max-old-space-size (in NODE_OPTIONS or the command) lets V8 grow the heap to that size before it collects in"
          + " earnest; at or above the container's limit, the kernel kills the container first."),
  HR102("jvm-above-limit", Severity.WARNING, false, "the JVM's heap and non-heap exceed the container limit",
      "The heap (-Xmx or MaxRAMPercentage of the limit) is not all a JVM uses: metaspace, code cache, thread stacks and"
          + " direct memory come on top. Above the limit at the low end is an error, at the high end a warning."),
  HR103("postgres-settings-above-limit", Severity.INFO, false, "PostgreSQL's settings let it use more than the limit",
      "shared_buffers, wal_buffers, the server, connections × their overhead and a sort of work_mem against the container's"
          + " limit: above it even idle is an error; above it once shared_buffers is warm, a warning; above it only when every"
          + " connection is sorting, a note."),
  HR104("postgres-settings-ignored", Severity.WARNING, false, "settings the postgres image ignores, or .NET reads as hexadecimal",
      "The official postgres image reads only a few POSTGRES_* variables (user, password, database, initdb options);"
          + " POSTGRES_SHARED_BUFFERS and the like leave the server at its defaults. Settings go in the command (-c name=value)"
          + " or a mounted postgresql.conf. .NET reads DOTNET_GC* values as hexadecimal (20000 is 131072), and"
          + " DOTNET_GCHeapCount only under server GC."),
  HR105("redis-maxmemory-above-limit", Severity.ERROR, false, "Redis's maxmemory is at or above the container limit",
      "maxmemory bounds Redis's dataset, not the process: at or above the container's limit the kernel kills Redis before"
          + " it evicts a key."),
  HR106("workers-above-cores", Severity.WARNING, true, "more workers than the host has cores",
      "A worker count (*_WORKERS, --workers, -w) above the host's cores: the workers take turns on the CPUs, and each has"
          + " its own memory."),
  HR107("memory-threshold-above-limit", Severity.ERROR, false, "an application memory threshold above the container limit",
      "A variable that tells the application how much memory it may use (MEMORY_THRESHOLD_MB, *_MEMORY_LIMIT, ...) above"
          + " the container's limit: the application is killed before its own threshold acts.");

  private final String slug;
  private final Severity defaultSeverity;
  private final boolean needsHost;
  private final String title;
  private final String description;

  Rule(String slug, Severity defaultSeverity, boolean needsHost, String title, String description) {
    this.slug = slug;
    this.defaultSeverity = defaultSeverity;
    this.needsHost = needsHost;
    this.title = title;
    this.description = description;
  }

  public String id() {
    return name();
  }

  public String slug() {
    return slug;
  }

  public Severity defaultSeverity() {
    return defaultSeverity;
  }

  /**
   * Whether the rule weighs the whole stack against the host's budget (HR003, HR004, HR005, HR008):
   * the rules whose outcome changes with the number of agents of a template.
   */
  public boolean budget() {
    return this == HR003 || this == HR004 || this == HR005 || this == HR008;
  }

  /** Whether the rule compares against a host (it is skipped without {@code --host}). */
  public boolean needsHost() {
    return needsHost;
  }

  public String title() {
    return title;
  }

  /** A few sentences on why the rule matters, for formats that carry a rule's description (SARIF); docs/rules.md says more. */
  public String description() {
    return description;
  }
}
