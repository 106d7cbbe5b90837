package dev.headroom.model;

import java.util.List;

/**
 * A compose project as docker compose would load it: the services that are active (after
 * profiles), the ones left out by profiles, compose's own consistency errors, and warnings.
 *
 * @param files the compose files read, in order (with the files they extend or include)
 * @param errors what docker compose would refuse the project for (one per problem)
 * @param warnings what docker compose would warn about (an unset variable)
 */
public record ComposeProject(
    String name,
    List<String> files,
    List<ComposeService> services,
    List<String> inactive,
    List<ComposeError> errors,
    List<String> warnings) {

  /** Something docker compose refuses, with where and how to fix it (null: make compose accept the file). */
  public record ComposeError(String message, String service, Origin origin, String fix) {

    public ComposeError(String message, String service, Origin origin) {
      this(message, service, origin, null);
    }
  }

  public ComposeProject {
    files = List.copyOf(files);
    services = List.copyOf(services);
    inactive = List.copyOf(inactive);
    errors = List.copyOf(new java.util.LinkedHashSet<>(errors)); // a file merged in twice says a thing once
    warnings = List.copyOf(warnings);
  }
}
