package dev.headroom.compose;

import dev.headroom.load.Problem;
import dev.headroom.load.Suggestions;
import dev.headroom.load.YamlNode;
import dev.headroom.model.Origin;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The structural part of the check docker compose makes before anything else: compose-go's
 * {@code schema.Validate} of the merged, interpolated model against the Compose Specification's
 * JSON schema. A key the schema does not know ({@code mem_limits}, {@code deploy.resources.limit})
 * and a service name outside {@code ^[a-zA-Z0-9._-]+$} refuse the file there, so a typo never
 * passes silently.
 *
 * <p>What is checked, as the schema says it: {@code additionalProperties: false} on every mapping
 * where the schema has it, {@code x-} keys allowed where it has {@code patternProperties: {"^x-":
 * {}}}; the key patterns of the mappings it closes (service names, {@code depends_on} and service
 * {@code networks} keys, top-level volume, secret and config names, the non-empty keys of
 * {@code environment}-like mappings); that every mapping looked into is a mapping (or a list,
 * string or null where the schema allows one); and the few scalar types a capacity plan rests on:
 * {@code profiles}, {@code scale}, {@code deploy.replicas}, {@code mem_limit},
 * {@code mem_reservation}, {@code cpus}, {@code deploy.resources.*.cpus} and {@code .memory},
 * the types of every scalar or list-of-scalars key of a service ({@code image}, {@code command},
 * {@code user}, {@code privileged}, {@code shm_size}, ...), and
 * the patterns of {@code container_name} and {@code pull_policy}. Other scalar types,
 * {@code required}, {@code enum}, {@code uniqueItems}, {@code minimum} and {@code maximum} are left
 * out.
 *
 * <p>Reasons are worded as compose-go words them (its {@code schema.go} over
 * santhosh-tekuri/jsonschema v6): {@code additional properties 'mem_limits' not allowed},
 * {@code must be a mapping}, {@code must be a integer or string}, {@code 'x' does not match pattern
 * '...'}; an unknown key gets a did-you-mean ({@code ; did you mean 'mem_limit'?}) after it. compose-go prints only the most specific error, after the path of the mapping that holds
 * the key; here every violation is one {@link Problem} whose path is the offending key's or value's
 * ({@code services.api.deploy.resources.limit}) and whose position is that key's (or value's).
 *
 * <p>The key lists are those of compose-go {@code schema/compose-spec.json} at commit
 * 0035625512a6452282580c697fbcbca4857d188f (the Compose Specification with {@code models},
 * {@code provider}, {@code use_api_socket}, {@code build.provenance} and {@code build.sbom}).
 */
final class ComposeSchema {
  private ComposeSchema() {}

  // ------------------------------------------------------------------ the schema's key lists
  // compose-go schema/compose-spec.json @ 0035625512a6452282580c697fbcbca4857d188f, in its order.

  /** The top level ({@code properties}; {@code ^x-} allowed). */
  static final List<String> TOP = List.of("version", "name", "include", "services", "models", "networks", "volumes",
      "secrets", "configs");

  /** {@code #/definitions/service} ({@code ^x-} allowed). */
  static final List<String> SERVICE = List.of("develop", "deploy", "annotations", "attach", "build", "blkio_config",
      "cap_add", "cap_drop", "cgroup", "cgroup_parent", "command", "configs", "container_name", "cpu_count", "cpu_percent",
      "cpu_shares", "cpu_quota", "cpu_period", "cpu_rt_period", "cpu_rt_runtime", "cpus", "cpuset", "credential_spec",
      "depends_on", "device_cgroup_rules", "devices", "dns", "dns_opt", "dns_search", "domainname", "entrypoint",
      "env_file", "label_file", "environment", "expose", "extends", "provider", "external_links", "extra_hosts", "gpus",
      "group_add", "healthcheck", "hostname", "image", "init", "ipc", "isolation", "labels", "links", "logging",
      "mac_address", "mem_limit", "mem_reservation", "mem_swappiness", "memswap_limit", "network_mode", "models",
      "networks", "oom_kill_disable", "oom_score_adj", "pid", "pids_limit", "platform", "ports", "post_start", "pre_stop",
      "privileged", "profiles", "pull_policy", "pull_refresh_after", "read_only", "restart", "runtime", "scale",
      "security_opt", "shm_size", "secrets", "sysctls", "stdin_open", "stop_grace_period", "stop_signal", "storage_opt",
      "tmpfs", "tty", "ulimits", "use_api_socket", "user", "uts", "userns_mode", "volumes", "volumes_from",
      "working_dir");

  /** A service's {@code build}, mapping form ({@code ^x-} allowed). */
  static final List<String> BUILD = List.of("context", "dockerfile", "dockerfile_inline", "entitlements", "args", "ssh",
      "labels", "cache_from", "cache_to", "no_cache", "additional_contexts", "network", "provenance", "sbom", "pull",
      "target", "shm_size", "extra_hosts", "isolation", "privileged", "secrets", "tags", "ulimits", "platforms");

  /** {@code blkio_config} (no {@code x-}). */
  static final List<String> BLKIO_CONFIG = List.of("device_read_bps", "device_read_iops", "device_write_bps",
      "device_write_iops", "weight", "weight_device");
  /** {@code #/definitions/blkio_limit} (no {@code x-}). */
  static final List<String> BLKIO_LIMIT = List.of("path", "rate");
  /** {@code #/definitions/blkio_weight} (no {@code x-}). */
  static final List<String> BLKIO_WEIGHT = List.of("path", "weight");
  /** {@code credential_spec}. */
  static final List<String> CREDENTIAL_SPEC = List.of("config", "file", "registry");
  /** An entry of {@code depends_on}, mapping form. */
  static final List<String> DEPENDS_ON = List.of("restart", "required", "condition");
  /** An entry of a service's {@code devices}, mapping form. */
  static final List<String> SERVICE_DEVICE = List.of("source", "target", "permissions");
  /** {@code extends}, mapping form (no {@code x-}). */
  static final List<String> EXTENDS = List.of("service", "file");
  /** {@code provider}. */
  static final List<String> PROVIDER = List.of("type", "options");
  /** {@code #/definitions/healthcheck}. */
  static final List<String> HEALTHCHECK = List.of("disable", "interval", "retries", "test", "timeout", "start_period",
      "start_interval");
  /** {@code logging}. */
  static final List<String> LOGGING = List.of("driver", "options");
  /** An entry of a service's {@code models}, mapping form. */
  static final List<String> SERVICE_MODEL = List.of("endpoint_var", "model_var");
  /** An entry of a service's {@code networks}, mapping form. */
  static final List<String> SERVICE_NETWORK = List.of("aliases", "interface_name", "ipv4_address", "ipv6_address",
      "link_local_ips", "mac_address", "driver_opts", "priority", "gw_priority");
  /** An entry of {@code ports}, mapping form. */
  static final List<String> PORT = List.of("name", "mode", "host_ip", "target", "published", "protocol", "app_protocol");
  /** An entry of a service's {@code volumes}, mapping form. */
  static final List<String> SERVICE_VOLUME = List.of("type", "source", "target", "read_only", "consistency", "bind",
      "volume", "tmpfs", "image");
  static final List<String> SERVICE_VOLUME_BIND = List.of("propagation", "create_host_path", "recursive", "selinux");
  static final List<String> SERVICE_VOLUME_VOLUME = List.of("labels", "nocopy", "subpath");
  static final List<String> SERVICE_VOLUME_TMPFS = List.of("size", "mode");
  static final List<String> SERVICE_VOLUME_IMAGE = List.of("subpath");
  /** {@code #/definitions/development} and its {@code watch} entries. */
  static final List<String> DEVELOPMENT = List.of("watch");
  static final List<String> WATCH = List.of("ignore", "include", "path", "action", "target", "exec");
  /** {@code #/definitions/service_hook} ({@code post_start}, {@code pre_stop}, {@code watch.exec}). */
  static final List<String> SERVICE_HOOK = List.of("command", "user", "privileged", "working_dir", "environment");
  /** An entry of {@code env_file}, mapping form (no {@code x-}). */
  static final List<String> ENV_FILE = List.of("path", "format", "required");
  /** {@code #/definitions/service_config_or_secret}, mapping form. */
  static final List<String> SERVICE_CONFIG_OR_SECRET = List.of("source", "target", "uid", "gid", "mode");
  /** An entry of {@code ulimits}, mapping form. */
  static final List<String> ULIMIT = List.of("hard", "soft");

  /** {@code #/definitions/deployment}. */
  static final List<String> DEPLOYMENT = List.of("mode", "endpoint_mode", "replicas", "labels", "rollback_config",
      "update_config", "resources", "restart_policy", "placement");
  /** {@code deploy.rollback_config} and {@code deploy.update_config}. */
  static final List<String> UPDATE_CONFIG = List.of("parallelism", "delay", "failure_action", "monitor",
      "max_failure_ratio", "order");
  static final List<String> RESOURCES = List.of("limits", "reservations");
  static final List<String> LIMITS = List.of("cpus", "memory", "pids");
  static final List<String> RESERVATIONS = List.of("cpus", "memory", "generic_resources", "devices");
  static final List<String> RESTART_POLICY = List.of("condition", "delay", "max_attempts", "window");
  static final List<String> PLACEMENT = List.of("constraints", "preferences", "max_replicas_per_node");
  static final List<String> PLACEMENT_PREFERENCE = List.of("spread");
  /** {@code #/definitions/generic_resources} entries and their {@code discrete_resource_spec}. */
  static final List<String> GENERIC_RESOURCE = List.of("discrete_resource_spec");
  static final List<String> DISCRETE_RESOURCE_SPEC = List.of("kind", "value");
  /** {@code #/definitions/devices} entries ({@code deploy.resources.reservations.devices}). */
  static final List<String> DEVICE_REQUEST = List.of("capabilities", "count", "device_ids", "driver", "options");

  /** {@code #/definitions/include}, mapping form (no {@code x-}). */
  static final List<String> INCLUDE = List.of("path", "env_file", "project_directory");
  /** {@code #/definitions/network} (a top-level network). */
  static final List<String> NETWORK = List.of("name", "driver", "driver_opts", "ipam", "external", "internal",
      "enable_ipv4", "enable_ipv6", "attachable", "labels");
  static final List<String> IPAM = List.of("driver", "config", "options");
  static final List<String> IPAM_CONFIG = List.of("subnet", "ip_range", "gateway", "aux_addresses");
  /** {@code external} of a top-level network or volume, mapping form. */
  static final List<String> EXTERNAL = List.of("name");
  /** {@code #/definitions/volume} (a top-level volume). */
  static final List<String> VOLUME = List.of("name", "driver", "driver_opts", "external", "labels");
  /** {@code #/definitions/secret}. */
  static final List<String> SECRET = List.of("name", "environment", "file", "external", "labels", "driver", "driver_opts",
      "template_driver");
  /** {@code #/definitions/config}. */
  static final List<String> CONFIG = List.of("name", "content", "environment", "file", "external", "labels",
      "template_driver");
  /** {@code #/definitions/model} (a top-level model). */
  static final List<String> MODEL = List.of("name", "model", "context_size", "runtime_flags");

  // ------------------------------------------------------------------ the schema, reduced

  /** What the schema says of one value, reduced to what is checked here. */
  private sealed interface Spec permits Any, Types, Str, Arr, Obj, OneOf {}

  /** Not checked. */
  private enum Any implements Spec {
    ANY
  }

  /** A scalar of one of these JSON types ({@code integer}, {@code number}, {@code string}, ...). */
  private record Types(List<String> names) implements Spec {}

  /** A string; with a {@code pattern} (searched, not anchored, as Go's {@code MatchString}) or null. */
  private record Str(Pattern pattern) implements Spec {}

  private record Arr(Spec items) implements Spec {}

  /**
   * A mapping: its properties; keys matching {@code names} (null for none) checked against
   * {@code named}; {@code x} when {@code ^x-} keys are allowed; {@code closed} when every other key
   * is refused ({@code additionalProperties: false}); {@code nullable} when {@code null} is allowed.
   */
  private record Obj(Map<String, Spec> properties, boolean x, KeyPattern names, Spec named, boolean closed,
      boolean nullable) implements Spec {}

  /**
   * A {@code oneOf} (or a list of types): the first alternative the value's type fits is checked.
   * When none fits, compose-go reports the first alternative's type error, or {@code types} when set
   * (a {@code "type": [...]} list, reported as one error).
   */
  private record OneOf(List<Spec> alternatives, List<String> types) implements Spec {}

  /** The key patterns of the schema's {@code patternProperties}, as Go's regexp matches them. */
  private enum KeyPattern {
    /** {@code ^[a-zA-Z0-9._-]+$}. */
    NAME,
    /** {@code .+} (unanchored): one character other than a newline. */
    SOME,
    /** {@code ^.+$}: not empty, no newline. */
    LINE,
    /** {@code ^[a-z]+$}. */
    LOWER;

    boolean matches(String key) {
      switch (this) {
        case NAME -> {
          if (key.isEmpty()) {
            return false;
          }
          for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-')) {
              return false;
            }
          }
          return true;
        }
        case SOME -> {
          return key.chars().anyMatch(c -> c != '\n');
        }
        case LINE -> {
          return !key.isEmpty() && key.indexOf('\n') < 0;
        }
        default -> {
          return !key.isEmpty() && key.chars().allMatch(c -> c >= 'a' && c <= 'z');
        }
      }
    }
  }

  private static Spec types(String... names) {
    return new Types(List.of(names));
  }

  private static final Spec STRING = new Str(null);

  /** A closed mapping with these keys, {@code ^x-} allowed when {@code x}; {@code children} say more of some. */
  private static Obj closed(List<String> keys, boolean x, Map<String, Spec> children) {
    return new Obj(properties(keys, children), x, null, null, true, false);
  }

  private static Obj nullable(Obj o) {
    return new Obj(o.properties(), o.x(), o.names(), o.named(), o.closed(), true);
  }

  /** A mapping of names (of the pattern) to {@code each}, other keys refused when {@code closed}. */
  private static Obj named(KeyPattern pattern, Spec each, boolean closed) {
    return new Obj(Map.of(), false, pattern, each, closed, false);
  }

  private static Map<String, Spec> properties(List<String> keys, Map<String, Spec> children) {
    for (String k : children.keySet()) {
      if (!keys.contains(k)) {
        throw new IllegalStateException(k + " is not in " + keys);
      }
    }
    LinkedHashMap<String, Spec> out = new LinkedHashMap<>();
    for (String k : keys) {
      out.put(k, children.getOrDefault(k, Any.ANY));
    }
    return out;
  }

  private static Spec oneOf(Spec... alternatives) {
    return new OneOf(List.of(alternatives), null);
  }

  /** {@code #/definitions/list_or_dict}: a mapping with non-empty keys, or a list. */
  private static final Spec LIST_OR_DICT = oneOf(named(KeyPattern.SOME, Any.ANY, true), new Arr(Any.ANY));
  /** {@code #/definitions/list_of_strings}, only as a list: its items are not checked. */
  private static final Spec LIST = new Arr(Any.ANY);
  /** {@code #/definitions/extra_hosts}. */
  private static final Spec EXTRA_HOSTS = oneOf(named(KeyPattern.SOME, Any.ANY, true), new Arr(Any.ANY));
  /** {@code #/definitions/ulimits}: other keys than {@code ^[a-z]+$} are not refused by the schema. */
  private static final Spec ULIMITS = named(KeyPattern.LOWER,
      oneOf(types("integer", "string"), closed(ULIMIT, true, Map.of())), false);
  private static final Spec SERVICE_HOOK_SPEC = closed(SERVICE_HOOK, true, Map.of("environment", LIST_OR_DICT));
  private static final Spec CONFIGS_OR_SECRETS = new Arr(oneOf(STRING, closed(SERVICE_CONFIG_OR_SECRET, true, Map.of())));
  /** {@code external} of a top-level network or volume: {@code "type": ["boolean", "string", "object"]}. */
  private static final Spec EXTERNAL_SPEC = new OneOf(List.of(types("boolean", "string"), closed(EXTERNAL, true, Map.of())),
      List.of("boolean", "string", "object"));
  private static final Spec CPUS = types("number", "string");

  private static final Spec DEPLOY = nullable(closed(DEPLOYMENT, true, Map.of(
      "replicas", types("integer", "string"),
      "labels", LIST_OR_DICT,
      "rollback_config", closed(UPDATE_CONFIG, true, Map.of()),
      "update_config", closed(UPDATE_CONFIG, true, Map.of()),
      "resources", closed(RESOURCES, true, Map.of(
          "limits", closed(LIMITS, true, Map.of("cpus", CPUS, "memory", STRING)),
          "reservations", closed(RESERVATIONS, true, Map.of(
              "cpus", CPUS,
              "memory", STRING,
              "generic_resources", new Arr(closed(GENERIC_RESOURCE, true,
                  Map.of("discrete_resource_spec", closed(DISCRETE_RESOURCE_SPEC, true, Map.of())))),
              "devices", new Arr(closed(DEVICE_REQUEST, true, Map.of("options", LIST_OR_DICT))))))),
      "restart_policy", closed(RESTART_POLICY, true, Map.of()),
      "placement", closed(PLACEMENT, true, Map.of("preferences", new Arr(closed(PLACEMENT_PREFERENCE, true, Map.of())))))));

  private static final Spec BLKIO_LIMITS = new Arr(closed(BLKIO_LIMIT, false, Map.of()));

  private static final Spec SERVICE_SPEC = closed(SERVICE, true, Map.ofEntries(
      Map.entry("develop", nullable(closed(DEVELOPMENT, true,
          Map.of("watch", new Arr(closed(WATCH, true, Map.of("exec", SERVICE_HOOK_SPEC))))))),
      Map.entry("deploy", DEPLOY),
      Map.entry("annotations", LIST_OR_DICT),
      Map.entry("build", oneOf(STRING, closed(BUILD, true, Map.of(
          "args", LIST_OR_DICT, "ssh", LIST_OR_DICT, "labels", LIST_OR_DICT, "additional_contexts", LIST_OR_DICT,
          "extra_hosts", EXTRA_HOSTS, "secrets", CONFIGS_OR_SECRETS, "ulimits", ULIMITS)))),
      Map.entry("blkio_config", closed(BLKIO_CONFIG, false, Map.of(
          "device_read_bps", BLKIO_LIMITS, "device_read_iops", BLKIO_LIMITS, "device_write_bps", BLKIO_LIMITS,
          "device_write_iops", BLKIO_LIMITS, "weight_device", new Arr(closed(BLKIO_WEIGHT, false, Map.of()))))),
      Map.entry("configs", CONFIGS_OR_SECRETS),
      Map.entry("container_name", new Str(Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+"))),
      Map.entry("cpus", CPUS),
      // the scalar types of the service's own keys, as the schema gives them
      Map.entry("image", STRING),
      Map.entry("command", oneOf(types("null"), STRING, new Arr(STRING))),
      Map.entry("entrypoint", oneOf(types("null"), STRING, new Arr(STRING))),
      Map.entry("cap_add", new Arr(STRING)),
      Map.entry("cap_drop", new Arr(STRING)),
      Map.entry("cgroup", STRING),
      Map.entry("cgroup_parent", STRING),
      Map.entry("cpu_count", types("string", "integer")),
      Map.entry("cpu_percent", types("string", "integer")),
      Map.entry("cpu_shares", types("number", "string")),
      Map.entry("cpu_quota", types("number", "string")),
      Map.entry("cpu_period", types("number", "string")),
      Map.entry("cpu_rt_period", types("number", "string")),
      Map.entry("cpu_rt_runtime", types("number", "string")),
      Map.entry("cpuset", STRING),
      Map.entry("dns", oneOf(STRING, new Arr(STRING))),
      Map.entry("dns_opt", new Arr(STRING)),
      Map.entry("dns_search", oneOf(STRING, new Arr(STRING))),
      Map.entry("domainname", STRING),
      Map.entry("expose", new Arr(types("string", "number"))),
      Map.entry("external_links", new Arr(STRING)),
      Map.entry("group_add", new Arr(types("string", "number"))),
      Map.entry("hostname", STRING),
      Map.entry("init", types("boolean", "string")),
      Map.entry("ipc", STRING),
      Map.entry("isolation", STRING),
      Map.entry("links", new Arr(STRING)),
      Map.entry("mac_address", STRING),
      Map.entry("mem_swappiness", types("integer", "string")),
      Map.entry("memswap_limit", types("number", "string")),
      Map.entry("network_mode", STRING),
      Map.entry("oom_kill_disable", types("boolean", "string")),
      Map.entry("oom_score_adj", types("string", "integer")),
      Map.entry("pid", types("string", "null")),
      Map.entry("pids_limit", types("number", "string")),
      Map.entry("platform", STRING),
      Map.entry("privileged", types("boolean", "string")),
      Map.entry("pull_refresh_after", STRING),
      Map.entry("read_only", types("boolean", "string")),
      Map.entry("restart", STRING),
      Map.entry("runtime", STRING),
      Map.entry("security_opt", new Arr(STRING)),
      Map.entry("shm_size", types("number", "string")),
      Map.entry("stdin_open", types("boolean", "string")),
      Map.entry("stop_grace_period", STRING),
      Map.entry("stop_signal", STRING),
      Map.entry("tmpfs", oneOf(STRING, new Arr(STRING))),
      Map.entry("tty", types("boolean", "string")),
      Map.entry("use_api_socket", types("boolean")),
      Map.entry("user", STRING),
      Map.entry("userns_mode", STRING),
      Map.entry("uts", STRING),
      Map.entry("working_dir", STRING),
      Map.entry("credential_spec", closed(CREDENTIAL_SPEC, true, Map.of())),
      Map.entry("depends_on", oneOf(LIST, named(KeyPattern.NAME, closed(DEPENDS_ON, true, Map.of()), true))),
      Map.entry("devices", new Arr(oneOf(STRING, closed(SERVICE_DEVICE, true, Map.of())))),
      Map.entry("env_file", oneOf(STRING, new Arr(oneOf(STRING, closed(ENV_FILE, false, Map.of()))))),
      Map.entry("environment", LIST_OR_DICT),
      Map.entry("extends", oneOf(STRING, closed(EXTENDS, false, Map.of()))),
      Map.entry("provider", closed(PROVIDER, true, Map.of())),
      Map.entry("extra_hosts", EXTRA_HOSTS),
      Map.entry("healthcheck", closed(HEALTHCHECK, true, Map.of())),
      Map.entry("labels", LIST_OR_DICT),
      Map.entry("logging", closed(LOGGING, true, Map.of())),
      Map.entry("mem_limit", types("number", "string")),
      Map.entry("mem_reservation", types("string", "integer")),
      Map.entry("models", oneOf(LIST, named(KeyPattern.NAME, closed(SERVICE_MODEL, true, Map.of()), false))),
      Map.entry("networks", oneOf(LIST, named(KeyPattern.NAME,
          oneOf(closed(SERVICE_NETWORK, true, Map.of()), types("null")), true))),
      Map.entry("ports", new Arr(oneOf(types("number"), STRING, closed(PORT, true, Map.of())))),
      Map.entry("post_start", new Arr(SERVICE_HOOK_SPEC)),
      Map.entry("pre_stop", new Arr(SERVICE_HOOK_SPEC)),
      Map.entry("profiles", new Arr(STRING)),
      Map.entry("pull_policy", new Str(
          Pattern.compile("always|never|build|if_not_present|missing|refresh|daily|weekly|every_([0-9]+[wdhms])+"))),
      Map.entry("scale", types("integer", "string")),
      Map.entry("secrets", CONFIGS_OR_SECRETS),
      Map.entry("sysctls", LIST_OR_DICT),
      Map.entry("ulimits", ULIMITS),
      Map.entry("volumes", new Arr(oneOf(STRING, closed(SERVICE_VOLUME, true, Map.of(
          "bind", closed(SERVICE_VOLUME_BIND, true, Map.of()),
          "volume", closed(SERVICE_VOLUME_VOLUME, true, Map.of("labels", LIST_OR_DICT)),
          "tmpfs", closed(SERVICE_VOLUME_TMPFS, true, Map.of()),
          "image", closed(SERVICE_VOLUME_IMAGE, true, Map.of()))))))));

  private static final Spec ROOT = closed(TOP, true, Map.of(
      "include", new Arr(oneOf(STRING, closed(INCLUDE, false, Map.of()))),
      "services", named(KeyPattern.NAME, SERVICE_SPEC, true),
      // top-level models and networks have no additionalProperties: false, other names pass
      "models", named(KeyPattern.NAME, closed(MODEL, true, Map.of()), false),
      "networks", named(KeyPattern.NAME, nullable(closed(NETWORK, true, Map.of(
          "ipam", closed(IPAM, true, Map.of(
              "config", new Arr(closed(IPAM_CONFIG, true, Map.of("aux_addresses", named(KeyPattern.LINE, Any.ANY, true)))),
              "options", named(KeyPattern.LINE, Any.ANY, true))),
          "external", EXTERNAL_SPEC,
          "labels", LIST_OR_DICT))), false),
      "volumes", named(KeyPattern.NAME, nullable(closed(VOLUME, true, Map.of("external", EXTERNAL_SPEC, "labels", LIST_OR_DICT))),
          true),
      "secrets", named(KeyPattern.NAME, closed(SECRET, true, Map.of("labels", LIST_OR_DICT)), true),
      "configs", named(KeyPattern.NAME, closed(CONFIG, true, Map.of("labels", LIST_OR_DICT)), true)));

  // ------------------------------------------------------------------ checking

  static List<Problem> validate(CNode.Map root) {
    List<Problem> out = new ArrayList<>();
    check(root, ROOT, "", null, out);
    return out;
  }

  private static void check(CNode n, Spec spec, String path, Origin keyOrigin, List<Problem> out) {
    if (spec instanceof Any) {
      return;
    }
    if (spec instanceof OneOf u) {
      for (Spec alternative : u.alternatives()) {
        if (fits(n, alternative)) {
          check(n, alternative, path, keyOrigin, out);
          return;
        }
      }
      if (u.types() != null) {
        out.add(typeError(n, path, keyOrigin, u.types()));
      } else {
        check(n, u.alternatives().get(0), path, keyOrigin, out);
      }
      return;
    }
    if (!fits(n, spec)) {
      out.add(typeError(n, path, keyOrigin, typeNames(spec)));
      return;
    }
    if (spec instanceof Str s && s.pattern() != null) {
      String value = ((CNode.Scalar) n).value();
      if (!s.pattern().matcher(value).find()) {
        out.add(problem(n.origin(), path, quote(value) + " does not match pattern " + quote(s.pattern().pattern())));
      }
    } else if (spec instanceof Arr a) {
      List<CNode> items = ((CNode.Seq) n).items();
      for (int i = 0; i < items.size(); i++) {
        check(items.get(i), a.items(), path + "[" + i + "]", null, out);
      }
    } else if (spec instanceof Obj o && n instanceof CNode.Map m) {
      object(m, o, path, out);
    }
  }

  private static void object(CNode.Map m, Obj o, String path, List<Problem> out) {
    for (CNode.Entry e : m.entries().values()) {
      String key = e.key();
      String at = path.isEmpty() ? key : path + "." + key;
      boolean known = false;
      Spec property = o.properties().get(key);
      if (property != null) {
        known = true;
        check(e.value(), property, at, e.keyOrigin(), out);
      }
      if (o.x() && key.startsWith("x-")) {
        known = true;
      }
      if (o.names() != null && o.names().matches(key)) {
        known = true;
        check(e.value(), o.named(), at, e.keyOrigin(), out);
      }
      if (!known && o.closed()) {
        out.add(problem(e.keyOrigin(), at, "additional properties " + quote(key) + " not allowed"
            + Suggestions.didYouMean(key, o.properties().keySet())));
      }
    }
  }

  /** Whether the value is of a type the spec allows (its contents aside). */
  private static boolean fits(CNode n, Spec spec) {
    if (spec instanceof Any) {
      return true;
    }
    if (spec instanceof OneOf u) {
      return u.alternatives().stream().anyMatch(a -> fits(n, a));
    }
    String type = jsonType(n);
    for (String allowed : typeNames(spec)) {
      if (allowed.equals(type) || allowed.equals("number") && type.equals("integer")
          || allowed.equals("integer") && type.equals("number") && integral((CNode.Scalar) n)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> typeNames(Spec spec) {
    if (spec instanceof Types t) {
      return t.names();
    }
    if (spec instanceof Str) {
      return List.of("string");
    }
    if (spec instanceof Arr) {
      return List.of("array");
    }
    if (spec instanceof Obj o) {
      return o.nullable() ? List.of("object", "null") : List.of("object");
    }
    throw new IllegalArgumentException(String.valueOf(spec));
  }

  /** The JSON type the value has after compose-go turns the YAML into JSON. */
  private static String jsonType(CNode n) {
    if (n instanceof CNode.Map) {
      return "object";
    }
    if (n instanceof CNode.Seq) {
      return "array";
    }
    return switch (((CNode.Scalar) n).type()) {
      case NULL -> "null";
      case BOOL -> "boolean";
      case INT -> "integer";
      case FLOAT -> "number";
      case STRING -> "string";
    };
  }

  /** A YAML float with no fraction ({@code 3.0}) is an integer to JSON Schema. */
  private static boolean integral(CNode.Scalar s) {
    if (s.type() != YamlNode.Type.FLOAT) {
      return false;
    }
    try {
      BigDecimal d = new BigDecimal(s.value());
      return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
    } catch (NumberFormatException e) {
      return false; // .inf, .nan
    }
  }

  /** compose-go's wording: {@code must be a mapping}, {@code must be a integer or string}. */
  private static Problem typeError(CNode n, String path, Origin keyOrigin, List<String> types) {
    List<String> names = new ArrayList<>();
    for (String t : types) {
      names.add(t.equals("object") ? "mapping" : t);
    }
    String want;
    if (names.size() == 1) {
      want = names.get(0);
    } else {
      names.sort(null);
      want = String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
    // an empty value (`nil:`) has no text of its own: point at its key
    Origin at = keyOrigin != null && n instanceof CNode.Scalar s && s.isNull() && s.value().isEmpty() ? keyOrigin : n.origin();
    return problem(at, path, "must be a " + want);
  }

  private static Problem problem(Origin at, String path, String reason) {
    return new Problem(at.file(), at.line(), at.column(), path, reason);
  }

  /**
   * santhosh-tekuri/jsonschema's {@code quote}: Go's {@code %q}, with {@code \"} back to {@code "},
   * {@code '} escaped, between single quotes.
   */
  static String quote(String s) {
    String q = GoText.quote(s);
    q = q.replace("\\\"", "\"").replace("'", "\\'");
    return "'" + q.substring(1, q.length() - 1) + "'";
  }
}
