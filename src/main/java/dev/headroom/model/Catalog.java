package dev.headroom.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The hosts, services and stacks known to a run, by id, in load order. Built by the loader, which
 * has already checked every reference.
 *
 * @param defaultStack id of the default stack, null when no stack is marked default
 */
public record Catalog(
    Map<String, Host> hosts, Map<String, Service> services, Map<String, Stack> stacks, String defaultStack) {

  public Catalog {
    hosts = Collections.unmodifiableMap(new LinkedHashMap<>(hosts));
    services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
    stacks = Collections.unmodifiableMap(new LinkedHashMap<>(stacks));
  }

  public Optional<Host> host(String id) {
    return Optional.ofNullable(hosts.get(id));
  }

  public Optional<Service> service(String id) {
    return Optional.ofNullable(services.get(id));
  }

  public Optional<Stack> stack(String id) {
    return Optional.ofNullable(stacks.get(id));
  }
}
