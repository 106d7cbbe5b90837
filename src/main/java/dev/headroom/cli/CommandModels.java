package dev.headroom.cli;

import static dev.headroom.load.Binary.nullable;
import static dev.headroom.load.Binary.string;
import static dev.headroom.load.Binary.strings;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

/**
 * picocli's model of every command, read from the commands' annotations at build time and written
 * to the jar ({@value #RESOURCE}). A run builds the model of the commands it runs from it, in
 * code, reading no annotation: reading them by reflection was a third of a short run, most of it
 * the JDK generating a proxy class for each annotation type (docs/performance.md). The annotations
 * stay the one place a command is declared; a test keeps the two models equal, option by option,
 * and their help, completion script and man page the same. Without the resource (classes run from
 * an IDE), picocli reads the annotations as usual.
 *
 * <p>Each option or positional parameter is kept with what picocli reads from its annotation and
 * the path of fields from the command object to its field (through mixins), and is bound to that
 * field as picocli binds an annotated one.
 */
final class CommandModels {
  private CommandModels() {}

  /** Where the build puts the models in the jar. */
  static final String RESOURCE = "dev/headroom/cli/commands.model";

  private static final int MAGIC = 0x48524D31; // "HRM1"

  /**
   * The build step (pom.xml, at process-classes): the annotated model of the root and of every
   * subcommand, written under the directory {@code args[0]}. Not a command of headroom.
   */
  public static void main(String... args) throws IOException {
    Path out = Path.of(args[0]).resolve(RESOURCE);
    Files.createDirectories(out.getParent());
    Files.write(out, encode(annotated()));
  }

  /** The root and each subcommand, their models read from annotations, by name. */
  static Map<String, CommandLine> annotated() {
    Map<String, CommandLine> all = new java.util.LinkedHashMap<>();
    CommandLine root = new CommandLine(new HeadroomCommand());
    all.put("headroom", root);
    for (String name : HeadroomCommand.SUBCOMMANDS) {
      root.addSubcommand(name, HeadroomCommand.create(name));
      all.put(name, root.getSubcommands().get(name));
    }
    return all;
  }

  /**
   * The command line of {@code command}, named {@code name}: built from the jar's model when it has
   * one, else by picocli from the annotations.
   */
  static CommandLine commandLine(String name, Object command) {
    Map<String, byte[]> models = Models.BY_NAME;
    byte[] model = models == null ? null : models.get(name);
    return model == null ? new CommandLine(command) : new CommandLine(build(model, command));
  }

  /**
   * The models in the jar, each still encoded, by command name; null when there are none, or when
   * their index cannot be read, and then picocli reads the annotations as before.
   */
  private static final class Models {
    static final Map<String, byte[]> BY_NAME = read();

    private static Map<String, byte[]> read() {
      try (InputStream in = CommandModels.class.getClassLoader().getResourceAsStream(RESOURCE)) {
        return in == null ? null : split(in.readAllBytes());
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }
  }

  // ------------------------------------------------------------------ writing

  static byte[] encode(Map<String, CommandLine> commands) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(MAGIC);
    out.writeInt(commands.size());
    for (Map.Entry<String, CommandLine> c : commands.entrySet()) {
      string(out, c.getKey());
      byte[] model = command(c.getValue().getCommandSpec());
      out.writeInt(model.length);
      out.write(model);
    }
    out.flush();
    return bytes.toByteArray();
  }

  private static byte[] command(CommandSpec spec) throws IOException {
    Map<Field, List<String>> paths = new HashMap<>();
    fieldPaths(spec.userObject(), new ArrayList<>(), paths);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    string(out, spec.name());
    strings(out, spec.usageMessage().description());
    strings(out, spec.usageMessage().footer());
    CommandLine.IVersionProvider version = spec.versionProvider();
    nullable(out, version == null ? null : version.getClass().getName());
    List<ArgSpec> own = new ArrayList<>();
    for (ArgSpec arg : spec.args()) {
      if (!arg.inherited()) {
        own.add(arg);
      }
    }
    out.writeInt(own.size());
    for (ArgSpec arg : own) {
      Field field = (Field) arg.userObject();
      List<String> path = paths.get(field);
      if (path == null) {
        throw new IllegalStateException("no field path to " + field + " from " + spec.userObject().getClass());
      }
      out.writeBoolean(arg.isOption());
      if (arg instanceof OptionSpec o) {
        strings(out, o.names());
        nullable(out, o.mapFallbackValue());
      } else {
        PositionalParamSpec p = (PositionalParamSpec) arg;
        nullable(out, p.index().isUnspecified() ? null : p.index().originalValue());
      }
      string(out, arg.paramLabel());
      strings(out, arg.description());
      nullable(out, arg.defaultValue());
      out.writeBoolean(arg.required());
      nullable(out, arg.splitRegex().isEmpty() ? null : arg.splitRegex());
      string(out, arg.scopeType().name());
      out.writeBoolean(arg.isOption() && ((OptionSpec) arg).usageHelp());
      out.writeBoolean(arg.isOption() && ((OptionSpec) arg).versionHelp());
      nullable(out, arg.arity().isUnspecified() ? null : arg.arity().originalValue());
      string(out, arg.type().getName());
      Class<?>[] aux = arg.auxiliaryTypes();
      String[] auxNames = new String[aux.length];
      for (int i = 0; i < aux.length; i++) {
        auxNames[i] = aux[i].getName();
      }
      strings(out, auxNames);
      Iterable<String> candidates = arg.completionCandidates();
      // headroom's own candidates (ids from the catalog); an enum's come from its type
      nullable(out, candidates != null && candidates.getClass().getName().startsWith("dev.headroom.")
          ? candidates.getClass().getName() : null);
      strings(out, path.toArray(String[]::new));
    }
    out.flush();
    return bytes.toByteArray();
  }

  /** The fields of options and parameters of {@code object}, through its mixins, each with its path of field names. */
  private static void fieldPaths(Object object, List<String> prefix, Map<Field, List<String>> paths) {
    for (Class<?> c = object.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        List<String> path = new ArrayList<>(prefix);
        path.add(f.getName());
        if (f.isAnnotationPresent(Option.class) || f.isAnnotationPresent(Parameters.class)) {
          paths.put(f, path);
        } else if (f.isAnnotationPresent(Mixin.class)) {
          f.setAccessible(true);
          try {
            fieldPaths(f.get(object), path, paths);
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
  }

  // ------------------------------------------------------------------ reading

  private static Map<String, byte[]> split(byte[] all) {
    ByteBuffer in = ByteBuffer.wrap(all);
    if (in.getInt() != MAGIC) {
      throw new IllegalStateException(RESOURCE + " is not a model of headroom's commands (rebuild headroom)");
    }
    int n = in.getInt();
    Map<String, byte[]> out = new HashMap<>();
    for (int i = 0; i < n; i++) {
      String name = string(in);
      byte[] model = new byte[in.getInt()];
      in.get(model);
      out.put(name, model);
    }
    return out;
  }

  /** The model of {@code command} from its encoded form, its options bound to the command's fields. */
  static CommandSpec build(byte[] model, Object command) {
    try {
      ByteBuffer in = ByteBuffer.wrap(model);
      CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
      spec.name(string(in));
      spec.usageMessage().description(strings(in));
      spec.usageMessage().footer(strings(in));
      String version = nullable(in);
      if (version != null) {
        spec.versionProvider((CommandLine.IVersionProvider) instance(version));
      }
      int n = in.getInt();
      for (int i = 0; i < n; i++) {
        boolean option = in.get() != 0;
        String[] names = option ? strings(in) : null;
        String mapFallback = option ? nullable(in) : null;
        String index = option ? null : nullable(in);
        Arg a = Arg.read(in, command);
        // the same calls on both builders: ArgSpec.Builder, which both extend, is not public
        if (option) {
          OptionSpec.Builder o = OptionSpec.builder(names).usageHelp(a.usageHelp).versionHelp(a.versionHelp);
          if (mapFallback != null) {
            o.mapFallbackValue(mapFallback);
          }
          o.paramLabel(a.label).description(a.description).required(a.required).scopeType(a.scope).type(a.type)
              .auxiliaryTypes(a.aux).getter(a.access).setter(a.access).initialValue(a.access.get()).hasInitialValue(true)
              .descriptionKey(""); // as the annotation's default
          if (a.defaultValue != null) {
            o.defaultValue(a.defaultValue);
          }
          if (a.split != null) {
            o.splitRegex(a.split);
          }
          if (a.arity != null) {
            o.arity(a.arity);
          }
          if (a.candidates != null) {
            o.completionCandidates(a.candidates);
          }
          spec.addOption(o.build());
        } else {
          PositionalParamSpec.Builder p = PositionalParamSpec.builder();
          if (index != null) {
            p.index(index);
          }
          p.paramLabel(a.label).description(a.description).required(a.required).scopeType(a.scope).type(a.type)
              .auxiliaryTypes(a.aux).getter(a.access).setter(a.access).initialValue(a.access.get()).hasInitialValue(true)
              .descriptionKey(""); // as the annotation's default
          if (a.defaultValue != null) {
            p.defaultValue(a.defaultValue);
          }
          if (a.split != null) {
            p.splitRegex(a.split);
          }
          if (a.arity != null) {
            p.arity(a.arity);
          }
          if (a.candidates != null) {
            p.completionCandidates(a.candidates);
          }
          spec.addPositional(p.build());
        }
      }
      if (in.hasRemaining()) {
        throw new IllegalStateException("bytes past the end");
      }
      return spec;
    } catch (RuntimeException e) {
      throw new IllegalStateException("the model of " + command.getClass().getSimpleName() + " in " + RESOURCE
          + " cannot be read (rebuild headroom): " + e, e);
    }
  }

  /** What an option and a positional parameter share, as written by {@link #command}. */
  private static final class Arg {
    String label;
    String[] description;
    String defaultValue;
    boolean required;
    String split;
    ScopeType scope;
    boolean usageHelp;
    boolean versionHelp;
    String arity;
    Class<?> type;
    Class<?>[] aux;
    Iterable<String> candidates;
    FieldAccess access;

    @SuppressWarnings("unchecked")
    static Arg read(ByteBuffer in, Object command) {
      Arg a = new Arg();
      a.label = string(in);
      a.description = strings(in);
      a.defaultValue = nullable(in);
      a.required = in.get() != 0;
      a.split = nullable(in);
      a.scope = ScopeType.valueOf(string(in));
      a.usageHelp = in.get() != 0;
      a.versionHelp = in.get() != 0;
      a.arity = nullable(in);
      a.type = type(string(in));
      String[] aux = strings(in);
      a.aux = new Class<?>[aux.length];
      for (int i = 0; i < aux.length; i++) {
        a.aux[i] = type(aux[i]);
      }
      String candidates = nullable(in);
      a.candidates = candidates == null ? null : (Iterable<String>) instance(candidates);
      a.access = FieldAccess.of(command, strings(in));
      return a;
    }
  }

  private static Class<?> type(String name) {
    switch (name) {
      case "boolean":
        return boolean.class;
      case "int":
        return int.class;
      case "long":
        return long.class;
      case "double":
        return double.class;
      default:
        try {
          return Class.forName(name, false, CommandModels.class.getClassLoader());
        } catch (ClassNotFoundException e) {
          throw new IllegalStateException("no class " + name, e);
        }
    }
  }

  private static Object instance(String className) {
    try {
      java.lang.reflect.Constructor<?> c = type(className).getDeclaredConstructor();
      c.setAccessible(true);
      return c.newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot make a " + className, e);
    }
  }

  /**
   * An option's field, read and written as picocli does an annotated one's. A class, not a lambda:
   * picocli's interfaces are compiled for Java 5 (see Main's callbacks).
   */
  static final class FieldAccess implements CommandLine.Model.IGetter, CommandLine.Model.ISetter {
    private final Object target;
    private final Field field;

    private FieldAccess(Object target, Field field) {
      this.target = target;
      this.field = field;
    }

    /** The field at the end of {@code path} from {@code command}, through its mixins (set when they are made). */
    static FieldAccess of(Object command, String[] path) {
      Object target = command;
      for (int i = 0; i < path.length - 1; i++) {
        target = value(field(target.getClass(), path[i]), target);
      }
      return new FieldAccess(target, field(target.getClass(), path[path.length - 1]));
    }

    Field field() {
      return field;
    }

    private static Field field(Class<?> type, String name) {
      for (Class<?> c = type; c != null; c = c.getSuperclass()) {
        try {
          Field f = c.getDeclaredField(name);
          f.setAccessible(true);
          return f;
        } catch (NoSuchFieldException e) {
          // in a superclass, then
        }
      }
      throw new IllegalStateException("no field " + name + " in " + type.getName());
    }

    private static Object value(Field f, Object target) {
      try {
        Object v = f.get(target);
        if (v == null) {
          throw new IllegalStateException(f + " is null; a mixin field must be made with its object");
        }
        return v;
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"}) // picocli's signature
    public <T> T get() {
      try {
        return (T) field.get(target);
      } catch (IllegalAccessException e) {
        throw new CommandLine.PicocliException("cannot read " + field, e);
      }
    }

    @Override
    public <T> T set(T value) {
      try {
        @SuppressWarnings("unchecked")
        T old = (T) field.get(target);
        field.set(target, value);
        return old;
      } catch (IllegalAccessException e) {
        throw new CommandLine.PicocliException("cannot write " + field, e);
      }
    }
  }
}
