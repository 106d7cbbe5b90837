package dev.headroom.runtime;

import java.util.List;
import java.util.Optional;

/** The runtime models headroom has, by id. */
public final class Runtimes {
  private Runtimes() {}

  public static final List<RuntimeModel> ALL =
      List.of(PostgresModel.INSTANCE, JvmModel.INSTANCE, NodeModel.INSTANCE, RedisModel.INSTANCE, DotnetModel.INSTANCE);

  public static Optional<RuntimeModel> byId(String id) {
    return ALL.stream().filter(m -> m.id().equals(id)).findFirst();
  }

  public static List<String> ids() {
    return ALL.stream().map(RuntimeModel::id).toList();
  }
}
