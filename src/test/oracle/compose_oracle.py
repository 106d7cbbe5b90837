#!/usr/bin/env python3
"""Independent reference for the compose corpus, used ONLY to produce
src/test/resources/compose-corpus/expected.json.

It is not part of the product and shares no code with it.  It re-implements,
from the Compose Specification and from the source of compose-go v2 (the
library `docker compose` uses), the part of `docker compose -f FILE config`
that decides which services run and with what resources:

  * YAML as go-yaml v3 reads it (YAML 1.2 core scalars, `<<` merge keys,
    anchors, duplicate-key errors, the `!reset` / `!override` tags);
  * interpolation (template/template.go: $VAR, ${VAR}, ${VAR:-d}, ${VAR-d},
    ${VAR:?e}, ${VAR?e}, ${VAR:+r}, ${VAR+r}, $$, nesting) followed by the
    loader's type casts (loader/interpolate.go);
  * `extends` (loader/extends.go, override/merge.go), recursive and across
    files, with the paths of an extended file resolved from its own folder;
  * the subset of schema validation, canonical transformation (short volume
    syntax), normalisation (implicit depends_on) and consistency checks
    (loader/validate.go) that can refuse the files of this corpus;
  * profiles (no profile enabled) and env_file resolution of active services.

Go iterates maps in random order, so when a file holds several independent
errors at the same stage docker compose reports one of them, not always the
same one; this script lists them all ("refused_alternatives").

PyYAML is used only as a YAML *parser* (events/nodes); every scalar is
re-resolved here with go-yaml v3 rules, and merge keys, tags and duplicate
keys are handled here too.

Usage: compose_oracle.py CORPUS_DIR OUTPUT_JSON [RAW_JSON]
"""

import json
import math
import os
import re
import struct
import sys
from decimal import Decimal

import yaml  # parser only; see the module docstring


# --------------------------------------------------------------------------
# errors


class Refusal(Exception):
    """docker compose stops; `messages` are the possible first errors."""

    def __init__(self, messages, stage, kind=None):
        if isinstance(messages, str):
            messages = [messages]
        self.messages = sorted(set(messages))
        self.stage = stage
        self.kind = kind
        super().__init__(self.messages[0])


# --------------------------------------------------------------------------
# YAML (go-yaml v3 semantics over PyYAML's node graph)


class _RawLoader(yaml.SafeLoader):
    """A loader that resolves nothing implicitly: every plain scalar comes out
    tagged str, and we resolve it ourselves."""


_RawLoader.yaml_implicit_resolvers = {}

_YAML_FLOAT = re.compile(r'^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$')
STR_TAG = 'tag:yaml.org,2002:str'


def _go_parse_int(s):
    """strconv.ParseInt(s, 0, 64) as go-yaml v3 calls it (after removing '_')."""
    m = re.fullmatch(r'([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)', s)
    if not m:
        return None
    sign, body = m.group(1), m.group(2)
    if body[:2] in ('0x', '0X'):
        v = int(body[2:], 16)
    elif body[:2] in ('0o', '0O'):
        v = int(body[2:], 8)
    elif body[:2] in ('0b', '0B'):
        v = int(body[2:], 2)
    elif body.startswith('0') and len(body) > 1:
        v = int(body[1:], 8)
    else:
        v = int(body)
    if sign == '-':
        v = -v
    if not (-(1 << 63) <= v < (1 << 64)):
        return None
    return v


class YFloat(float):
    """A float that remembers the text it was written as."""

    def __new__(cls, value, text):
        obj = float.__new__(cls, value)
        obj.text = text
        return obj


def resolve_plain(value):
    """go-yaml v3 resolve() for an untagged plain scalar."""
    if value in ('', '~', 'null', 'Null', 'NULL'):
        return None
    if value in ('true', 'True', 'TRUE'):
        return True
    if value in ('false', 'False', 'FALSE'):
        return False
    if value in ('.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'):
        return math.inf
    if value in ('-.inf', '-.Inf', '-.INF'):
        return -math.inf
    if value in ('.nan', '.NaN', '.NAN'):
        return math.nan
    c = value[0]
    if c in '+-.0123456789':
        plain = value.replace('_', '')
        iv = _go_parse_int(plain)
        if iv is not None:
            return iv
        if _YAML_FLOAT.match(plain):
            return YFloat(float(plain), value)
    return value


class YamlError(Exception):
    pass


class Doc:
    """Result of converting one YAML document: the value plus the paths of
    `!reset` and `!override` tagged nodes."""

    def __init__(self):
        self.reset_paths = []
        self.override_paths = []


def _convert(node, path, doc, anchors_seen):
    if isinstance(node, yaml.ScalarNode):
        if node.tag == '!reset':
            return _RESET
        if node.tag == '!override':
            doc.override_paths.append(path)
        if node.style is None and node.tag in (STR_TAG, '!override'):
            return resolve_plain(node.value)
        if node.tag in (STR_TAG, '!override', '!reset'):
            return node.value
        if node.tag == 'tag:yaml.org,2002:int':
            v = _go_parse_int(node.value.replace('_', ''))
            if v is None:
                raise YamlError('cannot decode %r as !!int' % node.value)
            return v
        if node.tag == 'tag:yaml.org,2002:null':
            return None
        if node.tag == 'tag:yaml.org,2002:bool':
            return resolve_plain(node.value)
        if node.tag == 'tag:yaml.org,2002:float':
            return YFloat(float(node.value), node.value)
        return node.value
    if isinstance(node, yaml.SequenceNode):
        if node.tag == '!reset':
            return _RESET
        if node.tag == '!override':
            doc.override_paths.append(path)
        out = []
        for i, item in enumerate(node.value):
            v = _convert(item, path + ['[%d]' % i], doc, anchors_seen)
            if v is _RESET:
                doc.reset_paths.append(path + ['[%d]' % i])
                continue
            out.append(v)
        return out
    if isinstance(node, yaml.MappingNode):
        if node.tag == '!reset':
            return _RESET
        if node.tag == '!override':
            doc.override_paths.append(path)
        out = {}
        explicit = set()
        merges = []
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.style is None and key_node.value == '<<' \
                    and key_node.tag in (STR_TAG, 'tag:yaml.org,2002:merge'):
                merges.append(value_node)
                continue
            key = _convert(key_node, path, Doc(), anchors_seen)
            hkey = key if not isinstance(key, (list, dict)) else repr(key)
            if hkey in explicit:
                raise YamlError('mapping key %s already defined at line %d'
                                % (json.dumps(key), key_node.start_mark.line + 1))
            explicit.add(hkey)
            if not isinstance(key, str):
                # convertToStringKeysRecursive
                raise YamlError('%s: non-string key %r' % ('.'.join(path) or '(root)', key))
            v = _convert(value_node, path + [key], doc, anchors_seen)
            if v is _RESET:
                doc.reset_paths.append(path + [key])
                continue
            out[key] = v
        # merge keys: explicit keys win, then the first merged mapping wins
        for m in merges:
            sources = m.value if isinstance(m, yaml.SequenceNode) else [m]
            for src in sources:
                if not isinstance(src, yaml.MappingNode):
                    raise YamlError('map merge requires map or sequence of maps as the value')
                merged = _convert(src, path, Doc(), anchors_seen)
                for k, v in merged.items():
                    if k not in out and k not in explicit:
                        out[k] = v
                        explicit.add(k)
        return out
    raise YamlError('unexpected node %r' % (node,))


_RESET = object()


def load_yaml(text):
    """Return a list of (value, Doc) for each non-empty document."""
    loader = _RawLoader(text)
    docs = []
    try:
        while loader.check_node():
            node = loader.get_node()
            if node is None:
                continue
            d = Doc()
            v = _convert(node, [], d, set())
            docs.append((v, d))
    finally:
        loader.dispose()
    return docs


def deepcopy(v):
    if isinstance(v, dict):
        return {k: deepcopy(x) for k, x in v.items()}
    if isinstance(v, list):
        return [deepcopy(x) for x in v]
    return v


# --------------------------------------------------------------------------
# dotenv (compose-go dotenv/parser.go)


def parse_dotenv(text):
    env = {}
    lines = text.split('\n')
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        s = line.strip()
        if not s or s.startswith('#'):
            continue
        if s.startswith('export ') or s.startswith('export\t'):
            s = s[len('export'):].lstrip()
        m = re.match(r'([A-Za-z0-9_.]+)\s*([=:])?(.*)$', s)
        if not m:
            raise ValueError('unexpected line in env file: %r' % line)
        key, sep, rest = m.group(1), m.group(2), m.group(3)
        if sep is None:
            continue  # inherited from the (empty) process environment
        rest = rest.lstrip(' \t')
        if rest[:1] in ('"', "'"):
            q = rest[0]
            buf = rest[1:]
            while True:
                j = 0
                end = -1
                while j < len(buf):
                    if buf[j] == q and (j == 0 or buf[j - 1] != '\\'):
                        end = j
                        break
                    j += 1
                if end >= 0:
                    value = buf[:end]
                    break
                if i >= len(lines):
                    raise ValueError('unterminated quoted value')
                buf += '\n' + lines[i]
                i += 1
            if q == '"':
                value = value.replace('\\n', '\n').replace('\\r', '\r')
                value = re.sub(r'\\([^$])', r'\1', value)
                value = substitute(value, lambda k: (env[k], True) if k in env else ('', False))
        else:
            # inline comment: a '#' preceded by whitespace ends the value
            value = re.split(r'\s#', rest, maxsplit=1)[0].rstrip()
            value = substitute(value, lambda k: (env[k], True) if k in env else ('', False))
        env[key] = value
    return env


# --------------------------------------------------------------------------
# interpolation (compose-go template/template.go)


class InvalidTemplate(Exception):
    def __init__(self, template):
        self.template = template
        super().__init__('Invalid template: %s' % json.dumps(template))


_PATTERN = re.compile(
    r'\$(?i:(?P<escaped>\$)|(?P<named>[_a-z][_a-z0-9]*)|\{(?P<braced>[_a-z][_a-z0-9]*(?::?[-+?](.*\}|[^}]*))?)\}|(?P<invalid>))')

_OPS = [':?', '?', ':-', '-', ':+', '+']


def _first_closing_brace(s):
    depth = 0
    i = 0
    while i < len(s):
        if s[i] == '}':
            depth -= 1
            if depth == 0:
                return i
        if s.startswith('${', i):
            depth += 1
            i += 1
        i += 1
    return -1


def _partition(s, sep):
    if sep in s:
        a, b = s.split(sep, 1)
        return a, b
    return s, ''


def _apply_op(op, substitution, mapping):
    """Returns (value, applied)."""
    if op not in substitution:
        return '', False
    name, arg = _partition(substitution, op)
    if op in (':-', '-'):
        arg = substitute(arg, mapping)
        value, ok = mapping(name)
        if not ok or (op == ':-' and value == ''):
            return arg, True
        return value, True
    if op in (':+', '+'):
        arg = substitute(arg, mapping)
        value, ok = mapping(name)
        if ok and (op == '+' or value != ''):
            return arg, True
        return value, True
    # required
    arg = substitute(arg, mapping)
    value, ok = mapping(name)
    if not ok or (op == ':?' and value == ''):
        raise InvalidTemplate('required variable %s is missing a value: %s' % (name, arg))
    return value, True


def substitute(template, mapping):
    errors = []

    def repl(m):
        substring = m.group(0)
        # getSubstitutionFunctionForTemplate: the operator that occurs first
        present = [(substring.find(op), k, op) for k, op in enumerate(_OPS) if op in substring]
        op = min(present)[2] if present else None
        closing = _first_closing_brace(substring)
        rest = ''
        if closing > -1:
            rest = substring[closing + 1:]
            substring = substring[:closing + 1]
        mm = _PATTERN.match(substring)
        if mm is None:
            errors.append(InvalidTemplate(template))
            return ''
        if mm.group('escaped'):
            return mm.group('escaped')
        braced = False
        sub = mm.group('named')
        if not sub:
            sub = mm.group('braced')
            braced = True
        if not sub:
            errors.append(InvalidTemplate(template))
            return ''
        if braced and op is not None:
            try:
                value, applied = _apply_op(op, sub, mapping)
            except InvalidTemplate as e:
                errors.append(e)
                return ''
            if applied:
                try:
                    return value + substitute(rest, mapping)
                except InvalidTemplate:
                    return ''
        value, ok = mapping(sub)
        return value

    out = _PATTERN.sub(repl, template)
    if errors:
        raise errors[0]
    return out


# cast mapping of compose-go v2 loader/interpolate.go
def _to_int(v):
    if not re.fullmatch(r'[+-]?[0-9]+', v):
        raise ValueError('strconv.Atoi: parsing %s: invalid syntax' % json.dumps(v))
    return int(v)


def _to_float(v):
    try:
        if not re.fullmatch(r'[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|[+-]?(inf|infinity|nan)', v, re.I):
            raise ValueError
        return YFloat(float(v), v)
    except ValueError:
        raise ValueError('strconv.ParseFloat: parsing %s: invalid syntax' % json.dumps(v))


def _to_bool(v):
    lv = v.lower()
    if lv in ('true', 'y', 'yes', 'on'):
        return True
    if lv in ('false', 'n', 'no', 'off'):
        return False
    raise ValueError('invalid boolean: %s' % v)


_S = ['services', '*']
CASTS = [
    (_S + ['configs', '[]', 'mode'], _to_int),
    (_S + ['cpu_count'], _to_int), (_S + ['cpu_percent'], _to_float),
    (_S + ['cpu_period'], _to_int), (_S + ['cpu_quota'], _to_int),
    (_S + ['cpu_rt_period'], _to_int), (_S + ['cpu_rt_runtime'], _to_int),
    (_S + ['cpus'], _to_float), (_S + ['cpu_shares'], _to_int),
    (_S + ['init'], _to_bool),
    (_S + ['deploy', 'replicas'], _to_int),
    (_S + ['deploy', 'update_config', 'parallelism'], _to_int),
    (_S + ['deploy', 'update_config', 'max_failure_ratio'], _to_float),
    (_S + ['deploy', 'rollback_config', 'parallelism'], _to_int),
    (_S + ['deploy', 'rollback_config', 'max_failure_ratio'], _to_float),
    (_S + ['deploy', 'restart_policy', 'max_attempts'], _to_int),
    (_S + ['deploy', 'placement', 'max_replicas_per_node'], _to_int),
    (_S + ['healthcheck', 'retries'], _to_int),
    (_S + ['healthcheck', 'disable'], _to_bool),
    (_S + ['oom_kill_disable'], _to_bool), (_S + ['oom_score_adj'], _to_int),
    (_S + ['pids_limit'], _to_int),
    (_S + ['ports', '[]', 'target'], _to_int),
    (_S + ['privileged'], _to_bool), (_S + ['read_only'], _to_bool),
    (_S + ['scale'], _to_int),
    (_S + ['secrets', '[]', 'mode'], _to_int),
    (_S + ['stdin_open'], _to_bool), (_S + ['tty'], _to_bool),
    (_S + ['ulimits', '*'], _to_int),
    (_S + ['ulimits', '*', 'hard'], _to_int),
    (_S + ['ulimits', '*', 'soft'], _to_int),
    (_S + ['volumes', '[]', 'read_only'], _to_bool),
    (_S + ['volumes', '[]', 'volume', 'nocopy'], _to_bool),
    (['networks', '*', 'external'], _to_bool),
    (['networks', '*', 'internal'], _to_bool),
    (['networks', '*', 'attachable'], _to_bool),
    (['networks', '*', 'enable_ipv6'], _to_bool),
    (['volumes', '*', 'external'], _to_bool),
    (['secrets', '*', 'external'], _to_bool),
    (['configs', '*', 'external'], _to_bool),
]


def _path_matches(path, pattern):
    if len(path) != len(pattern):
        return False
    return all(p == '*' or p == x for x, p in zip(path, pattern))


def interpolate(value, mapping, path, errors):
    if isinstance(value, str):
        dotted = '.'.join(path)
        try:
            new = substitute(value, mapping)
        except InvalidTemplate as e:
            errors.append('invalid interpolation format for %s.\nYou may need to escape any $ with another $.\n%s'
                          % (dotted, e.template))
            return value
        for pattern, cast in CASTS:
            if _path_matches(path, pattern):
                try:
                    return cast(new)
                except ValueError as e:
                    errors.append('error while interpolating %s: failed to cast to expected type: %s' % (dotted, e))
                    return new
        return new
    if isinstance(value, dict):
        return {k: interpolate(v, mapping, path + [k], errors) for k, v in value.items()}
    if isinstance(value, list):
        return [interpolate(v, mapping, path + ['[]'], errors) for v in value]
    return value


# --------------------------------------------------------------------------
# merge (override/merge.go), used by extends


def _to_sequence(v):
    if isinstance(v, dict):
        seq = []
        for k, x in v.items():
            if x is None:
                seq.append(k)
            elif isinstance(x, list):
                seq.extend('%s=%s' % (k, y) for y in x)
            else:
                seq.append('%s=%s' % (k, go_str(x)))
        return sorted(seq)
    if isinstance(v, list):
        return list(v)
    if isinstance(v, str):
        return [v]
    return []


def _to_mapping(v, default):
    if isinstance(v, dict):
        return v
    if isinstance(v, list):
        return {s: (dict(default) if default is not None else None) for s in v}
    return {}


_SEQ_SPECIALS = {'annotations', 'dns', 'dns_opt', 'dns_search', 'env_file', 'label_file', 'environment',
                 'extra_hosts', 'labels', 'sysctls', 'tmpfs'}


def merge_yaml(e, o, path):
    p = path
    if len(p) == 3 and p[0] == 'services':
        key = p[2]
        if key in ('command', 'entrypoint'):
            return o
        if key in _SEQ_SPECIALS:
            return _to_sequence(e) + [x for x in _to_sequence(o)]
        if key == 'depends_on':
            d = {'condition': 'service_started', 'required': True}
            return merge_mappings(_to_mapping(e, d), _to_mapping(o, d), path)
        if key in ('networks', 'models'):
            return merge_mappings(_to_mapping(e, None), _to_mapping(o, None), path)
        if key == 'build':
            def tob(x):
                return {'context': x} if isinstance(x, str) else x
            return merge_mappings(tob(e), tob(o), path)
        if key == 'logging' and isinstance(e, dict) and isinstance(o, dict):
            if o.get('driver') == e.get('driver') or 'driver' not in o or 'driver' not in e:
                return merge_mappings(e, o, path)
            return o
    if len(p) == 4 and p[0] == 'services' and p[2] == 'healthcheck' and p[3] == 'test':
        return o
    if len(p) == 4 and p[0] == 'services' and p[2] == 'build' and p[3] in ('args', 'additional_contexts', 'labels', 'extra_hosts'):
        return _to_sequence(e) + _to_sequence(o)
    if len(p) == 4 and p[0] == 'services' and p[2] == 'deploy' and p[3] == 'labels':
        return _to_sequence(e) + _to_sequence(o)
    if len(p) == 4 and p[0] == 'services' and p[2] == 'ulimits':
        return o
    if o is None:
        return e
    if isinstance(e, dict):
        if not isinstance(o, dict):
            raise Refusal('cannot override %s' % '.'.join(path), 'extends')
        return merge_mappings(e, o, path)
    if isinstance(e, list):
        if not isinstance(o, list):
            raise Refusal('cannot override %s' % '.'.join(path), 'extends')
        return e + o
    return o


def merge_mappings(m, other, path):
    for k, v in other.items():
        if k not in m:
            m[k] = v
            continue
        m[k] = merge_yaml(m[k], v, path + [k])
    return m


# --------------------------------------------------------------------------
# loading one compose file (loader.go loadYamlFile + extends.go)


class Env:
    def __init__(self, values):
        self.values = values
        self.unset = set()

    def lookup(self, k):
        if k in self.values:
            return self.values[k], True
        self.unset.add(k)
        return '', False


class Loaded:
    """A parsed, interpolated file: services and where each came from."""

    def __init__(self, path, model, doc):
        self.path = path
        self.dir = os.path.dirname(path)
        self.model = model
        self.doc = doc


def read_file_model(path, env, cache):
    """Parse + interpolate one file (no extends)."""
    if path in cache:
        return cache[path]
    if not os.path.exists(path):
        raise Refusal('open %s: no such file or directory' % path, 'read')
    with open(path, encoding='utf-8') as f:
        text = f.read()
    try:
        docs = load_yaml(text)
    except (yaml.YAMLError, YamlError) as e:
        raise Refusal('yaml: %s' % str(e).replace('\n', ' '), 'yaml')
    if not docs:
        raise Refusal('empty compose file', 'yaml')
    if len(docs) > 1:
        raise Refusal('multi-document file: not handled by this oracle', 'yaml')
    model, doc = docs[0]
    if model is None:
        raise Refusal('empty compose file', 'yaml')
    if not isinstance(model, dict):
        raise Refusal('top-level object must be a mapping', 'yaml')
    errors = []
    model = interpolate(model, env.lookup, [], errors)
    if errors:
        raise Refusal(errors, 'interpolation')
    loaded = Loaded(path, model, doc)
    cache[path] = loaded
    return loaded


def _path_under(paths, prefix):
    """Reset paths that apply to `prefix` (a list), relative to it."""
    out = []
    for p in paths:
        if len(p) > len(prefix) and p[:len(prefix)] == prefix:
            out.append(p[len(prefix):])
    return out


def _delete_path(d, rel):
    cur = d
    for k in rel[:-1]:
        if not isinstance(cur, dict) or k not in cur:
            return
        cur = cur[k]
    if isinstance(cur, dict):
        cur.pop(rel[-1], None)


def resolve_relative(service, from_dir, to_dir):
    """Paths of an extended service are resolved from its own file's folder
    (paths.ResolveRelativePaths); we keep them absolute."""
    def absp(p):
        if not isinstance(p, str) or p == '' or os.path.isabs(p) or p.startswith('~'):
            return p
        return os.path.normpath(os.path.join(from_dir, p))
    ef = service.get('env_file')
    if ef is not None:
        items = ef if isinstance(ef, list) else [ef]
        new = []
        for it in items:
            if isinstance(it, dict):
                it = dict(it)
                it['path'] = absp(it.get('path'))
                new.append(it)
            else:
                new.append(absp(it))
        service['env_file'] = new
    return service


def apply_extends(loaded, env, cache, notes):
    services = loaded.model.get('services')
    if services is None:
        return
    if not isinstance(services, dict):
        raise Refusal('services must be a mapping', 'extends')
    # the extending file's env_file paths are its own: make them absolute now
    for name, s in list(services.items()):
        if isinstance(s, dict):
            resolve_relative(s, loaded.dir, loaded.dir)
    done = {}
    for name in list(services.keys()):
        services[name] = _extend_service(name, services, loaded, env, cache, [], done, notes,
                                         loaded.doc.reset_paths + loaded.doc.override_paths)


def _extend_service(name, services, loaded, env, cache, tracker, done, notes, post_paths):
    key = (loaded.path, name)
    if key in done:
        return done[key]
    s = services.get(name)
    if s is None:
        return None
    if not isinstance(s, dict):
        raise Refusal('services.%s: must be a mapping' % name, 'extends')
    ext = s.get('extends')
    if ext is None:
        done[key] = s
        return s
    if isinstance(ext, str):
        ref, file = ext, None
    elif isinstance(ext, dict):
        ref = ext.get('service')
        if not isinstance(ref, str):
            raise Refusal('extends.%s.service is required' % name, 'extends')
        file = ext.get('file')
    else:
        raise Refusal('services.%s.extends: invalid' % name, 'extends')
    if file is not None:
        target_path = os.path.normpath(os.path.join(loaded.dir, file))
        other = read_file_model(target_path, env, cache)
        osv = other.model.get('services')
        if not isinstance(osv, dict):
            raise Refusal('cannot extend service %s in %s: no services section' % (json.dumps(name), target_path),
                          'extends')
        if ref not in osv:
            raise Refusal('cannot extend service %s in %s: service %s not found in %s'
                          % (json.dumps(name), loaded.path, json.dumps(ref), file), 'extends')
        base_loaded = other
        base_services = osv
        notes.append('%s extends %s of %s' % (name, ref, os.path.relpath(target_path, loaded.dir)))
    else:
        if ref not in services:
            raise Refusal('cannot extend service %s in %s: service %s not found'
                          % (json.dumps(name), loaded.path, json.dumps(ref)), 'extends')
        base_loaded = loaded
        base_services = services
        notes.append('%s extends %s' % (name, ref))
    tkey = (base_loaded.path, name)
    if tkey in tracker:
        raise Refusal('Circular reference: %s' % ' extends '.join(n for _, n in tracker + [tkey]), 'extends')
    tracker = tracker + [tkey]
    if base_loaded is not loaded:
        for n, bs in base_services.items():
            if isinstance(bs, dict) and not bs.get('__resolved__'):
                resolve_relative(bs, base_loaded.dir, loaded.dir)
    base = _extend_service(ref, base_services, base_loaded, env, cache, tracker, {} if base_loaded is not loaded else done,
                           notes, post_paths + base_loaded.doc.reset_paths + base_loaded.doc.override_paths)
    if base is None:
        done[key] = s
        return s
    source = deepcopy(base)
    source.pop('extends', None)
    # !reset / !override of the extending service clear what they name in the base
    for rel in _path_under(loaded.doc.reset_paths + loaded.doc.override_paths, ['services', name]):
        _delete_path(source, rel)
    merged = merge_yaml(source, deepcopy(s), ['services', 'x'])
    merged.pop('extends', None)
    services[name] = merged
    done[key] = merged
    return merged


# --------------------------------------------------------------------------
# schema subset


TOP_KEYS = {'version', 'name', 'include', 'services', 'models', 'networks', 'volumes', 'secrets', 'configs'}
SERVICE_KEYS = set('''develop deploy annotations attach build blkio_config cap_add cap_drop cgroup cgroup_parent
command configs container_name cpu_count cpu_percent cpu_shares cpu_quota cpu_period cpu_rt_period cpu_rt_runtime
cpus cpuset credential_spec depends_on device_cgroup_rules devices dns dns_opt dns_search domainname entrypoint
env_file label_file environment expose extends provider external_links extra_hosts gpus group_add healthcheck
hostname image init ipc isolation labels links logging mac_address mem_limit mem_reservation mem_swappiness
memswap_limit network_mode models networks oom_kill_disable oom_score_adj pid pids_limit platform ports post_start
pre_stop privileged profiles pull_policy pull_refresh_after read_only restart runtime scale security_opt shm_size
secrets sysctls stdin_open stop_grace_period stop_signal storage_opt tmpfs tty ulimits use_api_socket user uts
userns_mode volumes volumes_from working_dir'''.split())
DEPLOY_KEYS = {'mode', 'endpoint_mode', 'replicas', 'labels', 'rollback_config', 'update_config', 'resources',
               'restart_policy', 'placement'}
RESOURCES_KEYS = {'limits', 'reservations'}
LIMITS_KEYS = {'cpus', 'memory', 'pids'}
RESERVATIONS_KEYS = {'cpus', 'memory', 'generic_resources', 'devices'}


def _is_num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _type_name(v):
    if v is None:
        return 'null'
    if isinstance(v, bool):
        return 'boolean'
    if isinstance(v, int):
        return 'integer'
    if isinstance(v, float):
        return 'number'
    if isinstance(v, str):
        return 'string'
    if isinstance(v, list):
        return 'array'
    return 'object'


def schema_check(model, fname):
    errs = []

    def extra(where, d, allowed):
        bad = sorted(k for k in d if k not in allowed and not k.startswith('x-'))
        if bad:
            errs.append('%s additional properties %s not allowed' % (where, ', '.join("'%s'" % b for b in bad)))

    extra('(root)', model, TOP_KEYS)
    services = model.get('services', {})
    if not isinstance(services, dict):
        errs.append('services must be a mapping')
        services = {}
    for name, s in services.items():
        if not isinstance(s, dict):
            errs.append('services.%s must be a mapping' % name)
            continue
        extra('services.%s' % name, s, SERVICE_KEYS)
        for k, types in (('mem_limit', 'ns'), ('mem_reservation', 'is'), ('cpus', 'ns'), ('scale', 'is')):
            if k in s and not _ok_type(s[k], types):
                errs.append('services.%s.%s must be %s' % (name, k, _types_text(types)))
        if 'ulimits' in s and isinstance(s['ulimits'], dict):
            for uk, uv in s['ulimits'].items():
                if not re.fullmatch(r'[a-z]+', uk):
                    errs.append('services.%s.ulimits additional properties %s not allowed' % (name, "'%s'" % uk))
                elif not (isinstance(uv, int) and not isinstance(uv, bool)) and not (isinstance(uv, str)) \
                        and not isinstance(uv, dict):
                    errs.append('services.%s.ulimits.%s must be integer or object' % (name, uk))
        d = s.get('deploy')
        if d is None:
            continue
        if not isinstance(d, dict):
            errs.append('services.%s.deploy must be a mapping' % name)
            continue
        extra('services.%s.deploy' % name, d, DEPLOY_KEYS)
        if 'replicas' in d and not _ok_type(d['replicas'], 'is'):
            errs.append('services.%s.deploy.replicas must be integer or string' % name)
        r = d.get('resources')
        if isinstance(r, dict):
            extra('services.%s.deploy.resources' % name, r, RESOURCES_KEYS)
            for part, keys in (('limits', LIMITS_KEYS), ('reservations', RESERVATIONS_KEYS)):
                x = r.get(part)
                if x is None:
                    continue
                if not isinstance(x, dict):
                    errs.append('services.%s.deploy.resources.%s must be a mapping' % (name, part))
                    continue
                extra('services.%s.deploy.resources.%s' % (name, part), x, keys)
                if 'memory' in x and not isinstance(x['memory'], str):
                    errs.append('services.%s.deploy.resources.%s.memory must be a string' % (name, part))
                if 'cpus' in x and not _ok_type(x['cpus'], 'ns'):
                    errs.append('services.%s.deploy.resources.%s.cpus must be number or string' % (name, part))
    if errs:
        raise Refusal(['validating %s: %s' % (fname, e) for e in errs], 'schema')


def _ok_type(v, types):
    for t in types:
        if t == 'n' and _is_num(v):
            return True
        if t == 'i' and isinstance(v, int) and not isinstance(v, bool):
            return True
        if t == 's' and isinstance(v, str):
            return True
    return False


def _types_text(types):
    return ' or '.join({'n': 'number', 'i': 'integer', 's': 'string'}[t] for t in types)


# --------------------------------------------------------------------------
# canonical transform subset: short volume syntax (format/volume.go)


def parse_volume(spec):
    if len(spec) == 0:
        return 'invalid empty volume spec'
    if len(spec) <= 2:
        return None
    src = tgt = None
    buf = ''
    depth = 0
    chars = list(spec) + ['\0']
    for i, c in enumerate(chars):
        if c == '$' and i + 1 < len(spec) and spec[i + 1] == '{':
            depth += 1
            buf += c
            continue
        if c == '}' and depth > 0:
            depth -= 1
            buf += c
            continue
        if c == ':' and len(buf) == 1 and buf.isalpha():
            buf += c
        elif c in (':', '\0') and depth == 0:
            if buf == '':
                return 'invalid spec: %s: empty section between colons' % spec
            if src is None and c == '\0':
                tgt = buf
            elif src is None:
                src = buf
            elif tgt is None:
                tgt = buf
            elif c == ':':
                return 'invalid spec: %s: too many colons' % spec
            buf = ''
        else:
            buf += c
    return None


def volume_source(spec):
    """(type, source) of a short-syntax volume that parsed."""
    parts = []
    buf = ''
    for c in spec:
        if c == ':' and not (len(buf) == 1 and buf.isalpha()):
            parts.append(buf)
            buf = ''
        else:
            buf += c
    parts.append(buf)
    if len(parts) == 1:
        return 'volume', ''
    src = parts[0]
    if src[:1] in ('.', '/', '~') or src.startswith('\\\\') or re.match(r'^[A-Za-z]:', src):
        return 'bind', src
    return 'volume', src


# --------------------------------------------------------------------------
# units


def ram_in_bytes(s):
    """docker/go-units v0.5.0 RAMInBytes."""
    m = re.fullmatch(r'(\d+(\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?', s)
    if not m:
        raise ValueError("invalid size: '%s'" % s)
    try:
        size = float(m.group(1))
    except ValueError:
        raise ValueError('strconv.ParseFloat: parsing %s: invalid syntax' % json.dumps(m.group(1)))
    mul = {'': 1, 'k': 1 << 10, 'm': 1 << 20, 'g': 1 << 30, 't': 1 << 40, 'p': 1 << 50}[(m.group(3) or '').lower()]
    # go: size *= float64(mul); int64(size)  (truncation toward zero)
    return int(size * float(mul))


def unit_bytes(v):
    """types.UnitBytes.DecodeMapstructure."""
    if v is None:
        return 0
    if isinstance(v, bool):
        return 0
    if isinstance(v, int):
        return v
    if isinstance(v, float):
        return 0  # not handled by DecodeMapstructure: stays zero
    if isinstance(v, str):
        if re.fullmatch(r'[+-]?[0-9]+', v):
            return int(v)
        return ram_in_bytes(v)
    return 0


def f32(x):
    return struct.unpack('f', struct.pack('f', float(x)))[0]


def decimal_text(v):
    """The exact decimal the file wrote for a cpus value."""
    if isinstance(v, YFloat):
        t = v.text
    elif isinstance(v, bool):
        raise ValueError('bad cpus')
    elif isinstance(v, (int, float)):
        t = repr(v)
    else:
        t = v.strip()
    d = Decimal(t.replace('_', ''))
    s = format(d.normalize(), 'f')
    if '.' in s:
        s = s.rstrip('0').rstrip('.')
    return s


def go_str(v):
    if v is True:
        return 'true'
    if v is False:
        return 'false'
    if isinstance(v, YFloat):
        return v.text
    return str(v)


# --------------------------------------------------------------------------
# the project


def project_services(fpath, env_values, notes):
    env = Env(env_values)
    cache = {}
    main = read_file_model(fpath, env, cache)
    model = main.model
    apply_extends(main, env, cache, notes)
    # !reset on the (empty) previous model has no effect for a single file
    schema_check(model, fpath)
    model.pop('version', None)
    services = model.get('services') or {}
    if not isinstance(services, dict):
        raise Refusal('services must be a mapping', 'schema')

    # canonical: short volume syntax
    errs = []
    for name, s in services.items():
        for v in s.get('volumes') or []:
            if isinstance(v, str):
                e = parse_volume(v)
                if e:
                    errs.append(e)
    pending = None
    if errs:
        if all(e.endswith(': empty section between colons') for e in errs):
            # a short volume whose source is a variable the environment does not set:
            # docker compose stops here; go on only to report what it would run
            # once the variable is set
            pending = Refusal(errs, 'canonical', kind='empty_volume_source')
        else:
            raise Refusal(errs, 'canonical')

    networks = model.get('networks') or {}
    volumes = model.get('volumes') or {}
    secrets = model.get('secrets') or {}
    configs = model.get('configs') or {}

    # normalize: implicit depends_on; default network
    for name, s in services.items():
        deps = s.get('depends_on')
        if isinstance(deps, list):
            deps = {d: {'condition': 'service_started', 'required': True} for d in deps}
        elif isinstance(deps, dict):
            deps = {k: dict({'required': True}, **(v or {})) for k, v in deps.items()}
        else:
            deps = {}
        for link in s.get('links') or []:
            parts = link.split(':')
            target = parts[0] if len(parts) == 2 else link
            deps.setdefault(target, {'condition': 'service_started', 'required': True})
        for ns in ('network_mode', 'ipc', 'pid', 'uts', 'cgroup'):
            ref = s.get(ns)
            if isinstance(ref, str) and ref.startswith('service:'):
                deps.setdefault(ref[len('service:'):], {'condition': 'service_started', 'required': True})
        for vf in s.get('volumes_from') or []:
            if not vf.startswith('container:'):
                deps.setdefault(vf.split(':')[0], {'condition': 'service_started', 'required': True})
        s['__deps__'] = deps
        nets = s.get('networks')
        if 'network_mode' not in s:
            if nets is None or (isinstance(nets, (list, dict)) and len(nets) == 0):
                s['__nets__'] = ['default']
            else:
                s['__nets__'] = list(nets) if isinstance(nets, list) else list(nets.keys())
        else:
            s['__nets__'] = list(nets) if isinstance(nets, list) else list((nets or {}).keys())
    if any('default' in s['__nets__'] for s in services.values()):
        networks = dict(networks)
        networks.setdefault('default', None)

    # transform: numbers
    info = {}
    errs = []
    for name, s in services.items():
        try:
            info[name] = service_numbers(name, s)
        except ValueError as e:
            errs.append(str(e))
    if errs:
        raise Refusal(errs, 'transform')

    active = sorted(n for n, s in services.items() if not s.get('profiles'))
    inactive = sorted(n for n, s in services.items() if s.get('profiles'))

    # checkConsistency (loader/validate.go), active services only
    errs = []
    for name in active:
        e = consistency(name, services[name], info[name], services, active, networks, volumes, secrets, configs)
        if e:
            errs.append(e)
    for sname, sec in (secrets or {}).items():
        sec = sec or {}
        if sec.get('external') in (True, 'true'):
            continue
        if not sec.get('file') and not sec.get('environment'):
            errs.append('secret %s must declare either `file` or `environment`: invalid compose project'
                        % json.dumps(sname))
    if errs:
        raise Refusal(errs, 'consistency')
    cyc = find_cycle(active, services)
    if cyc:
        raise Refusal('dependency cycle detected: %s' % ' -> '.join(cyc), 'consistency')

    result = {n: info[n]['out'] for n in active}

    # WithServicesEnvironmentResolved: env_file of active services must exist unless required: false
    errs = []
    for name in active:
        ef = services[name].get('env_file')
        if ef is None:
            continue
        for it in (ef if isinstance(ef, list) else [ef]):
            if isinstance(it, dict):
                p, req = it.get('path'), it.get('required', True)
            else:
                p, req = it, True
            if not os.path.isabs(p):
                p = os.path.normpath(os.path.join(main.dir, p))
            if not os.path.exists(p):
                if req in (True, 'true'):
                    errs.append('env file %s not found: stat %s: no such file or directory' % (p, p))
                    break  # the first missing file of this service stops it
    if pending is None and errs:
        pending = Refusal(errs, 'env_file', kind='missing_env_file')
    elif pending is not None and errs:
        pending.kind += '+missing_env_file'
        pending.later = errs
    if pending is not None:
        pending.services = result
        pending.inactive = inactive
        raise pending
    return result, inactive, env.unset


def service_numbers(name, s):
    deploy = s.get('deploy') or {}
    res = deploy.get('resources') or {}
    limits = res.get('limits')
    reservations = res.get('reservations')

    def mem(v, what):
        try:
            return unit_bytes(v)
        except ValueError as e:
            raise ValueError('services.%s.%s: %s' % (name, what, e))

    mem_limit = mem(s.get('mem_limit'), 'mem_limit')
    mem_res = mem(s.get('mem_reservation'), 'mem_reservation')
    lim_mem = mem((limits or {}).get('memory'), 'deploy.resources.limits.memory')
    res_mem = mem((reservations or {}).get('memory'), 'deploy.resources.reservations.memory')

    def cpus_of(v):
        if v is None:
            return None
        if isinstance(v, str):
            float(v)  # ParseFloat
        return decimal_text(v)

    cpus = cpus_of(s.get('cpus'))
    lim_cpus = cpus_of((limits or {}).get('cpus'))
    res_cpus = cpus_of((reservations or {}).get('cpus'))

    scale = s.get('scale')
    replicas = deploy.get('replicas')
    gpu = False
    for dev in (reservations or {}).get('devices') or []:
        caps = dev.get('capabilities') or []
        if 'gpu' in caps:
            gpu = True
    if s.get('gpus') is not None:
        gpu = True

    # final numbers (after the consistency rules, which make both spellings agree)
    eff_mem = lim_mem or mem_limit
    eff_res = res_mem or mem_res
    eff_cpu = lim_cpus if lim_cpus is not None and Decimal(lim_cpus) != 0 else (
        cpus if cpus is not None and Decimal(cpus) != 0 else None)
    eff_rcpu = res_cpus if res_cpus is not None and Decimal(res_cpus) != 0 else None
    if scale is not None:
        n = scale
    elif replicas is not None:
        n = replicas
    else:
        n = 1
    if deploy.get('mode') == 'global':
        n = 1
    out = {
        'replicas': n,
        'mem_limit_bytes': eff_mem if eff_mem else None,
        'mem_reservation_bytes': eff_res if eff_res else None,
        'cpus_limit': eff_cpu,
        'cpus_reservation': eff_rcpu,
        'gpu': gpu,
    }
    return {'out': out, 'scale': scale, 'replicas': replicas, 'cpus': cpus, 'lim_cpus': lim_cpus,
            'mem_limit': mem_limit, 'lim_mem': lim_mem, 'mem_res': mem_res, 'res_mem': res_mem,
            'has_deploy': s.get('deploy') is not None, 'has_limits': limits is not None,
            'has_res': reservations is not None}


def consistency(name, s, info, services, active, networks, volumes, secrets, configs):
    q = json.dumps
    if 'build' not in s and not s.get('image'):
        return 'service %s has neither an image nor a build context specified: invalid compose project' % q(name)
    if s.get('network_mode') and s.get('networks'):
        return 'service %s declares mutually exclusive `network_mode` and `networks`: invalid compose project' % name
    for n in s['__nets__']:
        if n not in networks:
            return 'service %s refers to undefined network %s: invalid compose project' % (q(name), n)
    hc = s.get('healthcheck') or {}
    t = hc.get('test')
    if isinstance(t, list) and t and t[0] not in ('CMD', 'CMD-SHELL', 'NONE'):
        return 'healthcheck.test must start either by "CMD", "CMD-SHELL" or "NONE"'
    for dep, cfg in s['__deps__'].items():
        if dep not in active:
            required = (cfg or {}).get('required', True)
            if dep in services and not required:
                continue
            return 'service %s depends on undefined service %s: invalid compose project' % (q(name), q(dep))
    nm = s.get('network_mode')
    if isinstance(nm, str) and nm.startswith('service:'):
        if nm[8:] not in active:
            return 'service %s not found for network_mode \'service:%s\'' % (q(nm[8:]), nm[8:])
    for v in s.get('volumes') or []:
        if isinstance(v, str):
            typ, src = volume_source(v)
        else:
            typ, src = v.get('type'), v.get('source', '')
        if typ == 'volume' and src and src not in volumes:
            return 'service %s refers to undefined volume %s: invalid compose project' % (q(name), src)
    b = s.get('build')
    if isinstance(b, dict):
        for sec in b.get('secrets') or []:
            src = sec if isinstance(sec, str) else sec.get('source')
            if src not in secrets:
                return 'service %s refers to undefined build secret %s: invalid compose project' % (q(name), src)
    for c in s.get('configs') or []:
        src = c if isinstance(c, str) else c.get('source')
        if src not in configs:
            return 'service %s refers to undefined config %s: invalid compose project' % (q(name), src)
    for c in s.get('secrets') or []:
        src = c if isinstance(c, str) else c.get('source')
        if src not in secrets:
            return 'service %s refers to undefined secret %s: invalid compose project' % (q(name), src)
    if info['scale'] is not None and info['has_deploy']:
        if info['replicas'] is not None and info['scale'] != info['replicas']:
            return "services.%s: can't set distinct values on 'scale' and 'deploy.replicas': invalid compose project" % name
    if info['cpus'] is not None and Decimal(info['cpus']) != 0 and info['has_deploy'] and info['has_limits']:
        lim = f32(info['lim_cpus']) if info['lim_cpus'] is not None else 0.0
        if lim != f32(info['cpus']):
            return "services.%s: can't set distinct values on 'cpus' and 'deploy.resources.limits.cpus': invalid compose project" % name
    if info['mem_limit'] and info['has_deploy'] and info['has_limits'] and info['lim_mem'] != info['mem_limit']:
        return "services.%s: can't set distinct values on 'mem_limit' and 'deploy.resources.limits.memory': invalid compose project" % name
    if info['mem_res'] and info['has_deploy'] and info['has_res'] and info['res_mem'] != info['mem_res']:
        return "services.%s: can't set distinct values on 'mem_reservation' and 'deploy.resources.reservations.memory': invalid compose project" % name
    scale = info['scale'] if info['scale'] is not None else (info['replicas'] if info['replicas'] is not None else 1)
    if scale > 1 and s.get('container_name'):
        attr = 'scale' if info['scale'] is not None else 'deploy.replicas'
        # the arguments are in this order in compose-go's fmt.Errorf
        return "services.%s: can't set container_name and %s as container name must be unique: invalid compose project" % (attr, name)
    return None


def find_cycle(active, services):
    color = {}

    def visit(n, stack):
        color[n] = 1
        for d in services[n]['__deps__']:
            if d not in active:
                continue
            if color.get(d) == 1:
                return stack + [n, d]
            if color.get(d) is None:
                r = visit(d, stack + [n])
                if r:
                    return r
        color[n] = 2
        return None

    for n in active:
        if color.get(n) is None:
            r = visit(n, [])
            if r:
                return r
    return None


# --------------------------------------------------------------------------
# driver


def main():
    corpus, out_path = sys.argv[1], sys.argv[2]
    with open(os.path.join(corpus, 'manifest.json')) as f:
        manifest = json.load(f)
    result = {}
    for entry in manifest:
        if entry['kind'] != 'compose':
            continue
        rel = entry['file']
        fpath = os.path.join(corpus, rel)
        pdir = os.path.dirname(fpath)
        env_file = entry.get('env_file')
        env_path = os.path.join(corpus, env_file) if env_file else os.path.join(pdir, '.env')
        env_values = {}
        if os.path.exists(env_path):
            with open(env_path, encoding='utf-8') as f:
                env_values = parse_dotenv(f.read())
        notes = []
        rec = {}
        try:
            services, inactive, unset = project_services(fpath, env_values, notes)
            rec['services'] = services
            rec['inactive'] = inactive
            rec['_unset'] = sorted(unset)
        except Refusal as r:
            msgs = [m.replace(corpus.rstrip('/') + '/', '<corpus>/') for m in r.messages]
            rec['refused'] = msgs[0]
            if len(msgs) > 1:
                rec['refused_alternatives'] = msgs
            rec['_stage'] = r.stage
            if r.kind:
                rec['refused_kind'] = r.kind
            if getattr(r, 'services', None) is not None:
                rec['services_if_not_refused'] = r.services
                rec['inactive'] = r.inactive
            if getattr(r, 'later', None):
                rec['_later'] = [m.replace(corpus.rstrip('/') + '/', '<corpus>/') for m in r.later]
        rec['_extends'] = notes
        rec['_env'] = os.path.relpath(env_path, corpus) if os.path.exists(env_path) else None
        result[rel] = rec
    if len(sys.argv) > 3:
        with open(sys.argv[3], 'w') as f:
            json.dump(result, f, indent=1, sort_keys=True)
            f.write('\n')
    with open(out_path, 'w') as f:
        json.dump(finalize(result), f, indent=2, sort_keys=True)
        f.write('\n')


# --------------------------------------------------------------------------
# hand-written notes (checked against each file by reading it)

NOTES = {
    'apache__airflow@00a1c46/airflow-core/docs/howto/docker-compose/docker-compose.yaml':
        'No .env: AIRFLOW_IMAGE_NAME etc. unset, defaults used (image "apache/airflow:|version|" is not checked by config). '
        'All services get x-airflow-common through `<<`; depends_on maps merge *airflow-common-depends-on. '
        'airflow-cli (profile debug) and flower (profile flower) are inactive; no active service depends on them.',
    'compose-spec__compose-go@e70e961/loader/testdata/compose-test-extends.yaml':
        'importer extends imported from subdir/compose-test-extends-imported.yaml; its env_file ./extra.env is resolved '
        'from subdir/ (the declaring file). extra.env exists upstream but not in the corpus, so config stops there; '
        'with it present: 1 service, no resources.',
    'compose-spec__compose-go@e70e961/loader/testdata/extends/base.yaml':
        'Service `nil:` is null; extends leaves it null and schema validation rejects it before the consistency '
        'check would reject with-port (no image, no build). Wording of the schema message is from compose-go\'s '
        'validator and may differ slightly between versions.',
    'compose-spec__compose-go@e70e961/loader/testdata/extends/nested.yaml':
        'with-build extends test of sibling.yaml (build: .); build context is not checked by config.',
    'compose-spec__compose-go@e70e961/loader/testdata/extends/reset.yaml':
        'base extends init with `command: !reset`: base = image alpine:latest with no command. 2 services.',
    'compose-spec__compose-go@e70e961/loader/testdata/extends/sibling.yaml':
        'Single service with build: . only.',
    'compose-spec__compose-go@e70e961/loader/testdata/subdir/compose-test-extends-imported.yaml':
        'container_name ${SOURCE:-imported}; env_file ./extra.env missing from the corpus (present upstream).',
    'compose-spec__compose-go@e70e961/schema/using-variables.yaml':
        'VARIABLE unset: every ${VARIABLE} is "". The loader casts deploy.replicas, ulimits, privileged, external, ... '
        'and the first cast of "" that Go\'s map order reaches fails; 20 possible messages, all of this form '
        '(the set of cast paths differs a little between compose-go releases).',
    'docker__awesome-compose@18f59bd/elasticsearch-logstash-kibana/compose.yaml': 'Plain file, 3 services, no resources.',
    'docker__awesome-compose@18f59bd/gitea-postgres/compose.yaml': 'Plain file, 2 services.',
    'docker__awesome-compose@18f59bd/minecraft/compose.yaml':
        'deploy.resources.limits.memory 1.5G = 1.5 x 2^30 = 1610612736 (go-units parses a fraction).',
    'docker__awesome-compose@18f59bd/nextcloud-redis-mariadb/compose.yaml': 'Plain file, 3 services.',
    'docker__awesome-compose@18f59bd/nginx-golang-mysql/compose.yaml':
        'backend is build-only; secrets file db/password.txt is not checked by config.',
    'docker__awesome-compose@18f59bd/pihole-cloudflared-DoH/compose.yaml':
        'version 3.7 ignored; TIMEZONE, PIHOLE_* unset (blank, only in environment).',
    'docker__awesome-compose@18f59bd/plex/compose.yaml':
        'PLEX_MEDIA_PATH unset: volume "${PLEX_MEDIA_PATH}:/media/" becomes ":/media/" and the short-syntax parser '
        'refuses it. With the variable set: 1 service (network_mode host), no resources.',
    'docker__awesome-compose@18f59bd/postgresql-pgadmin/compose.yaml': 'POSTGRES_*, PGADMIN_* unset: blank environment values only.',
    'docker__awesome-compose@18f59bd/prometheus-grafana/compose.yaml': 'Plain file, 2 services.',
    'docker__awesome-compose@18f59bd/react-express-mongodb/compose.yaml': 'Plain file, 3 services.',
    'docker__awesome-compose@18f59bd/react-java-mysql/compose.yaml': 'Plain file, 3 services.',
    'docker__awesome-compose@18f59bd/spring-postgres/compose.yaml': 'Plain file, 2 services.',
    'docker__awesome-compose@18f59bd/traefik-golang/compose.yaml': 'Plain file, 2 services.',
    'docker__awesome-compose@18f59bd/wasmedge-kafka-mysql/compose.yml': 'Plain file, 3 services (etl has image and build).',
    'docker__awesome-compose@18f59bd/wireguard/compose.yaml': 'TIMEZONE, VPN_SERVER_URL unset (environment only).',
    'dockersamples__example-voting-app@0285545/docker-stack.yml':
        'Swarm stack file read by compose: deploy.replicas 2 for redis, vote, result; worker mode replicated replicas 1; '
        'db has deploy without replicas (1).',
    'getsentry__self-hosted@2018fb5/docker-compose.yml':
        'web/cron/worker take `env_file: .env` from x-defaults via `<<`; no .env in the corpus, so config stops. '
        'With it present: 7 services, no resources. (That same .env would also become the interpolation environment; '
        'the file has no variables.)',
    'getsentry__self-hosted@bd1d1d8/docker-compose.yml':
        'Uses the .env (HEALTHCHECK_RETRIES=10 is cast to int, SENTRY_BIND=9000, images). Heavy `<<` merging of '
        'x-sentry-defaults / x-snuba-defaults / depends_on anchors; sentry-cleanup replaces image and build (a `<<` merge '
        'is shallow). 50 services, none with resources.',
    'grafana__loki@02b029b/production/docker/docker-compose.yaml':
        'deploy.replicas: loki-frontend 2, loki-read 3, loki-write 3 (mode replicated); no container_name on them.',
    'immich-app__immich@4cff61e/docker/docker-compose.yml':
        'No .env: UPLOAD_LOCATION and DB_DATA_LOCATION unset, so ":/data" or ":/var/lib/postgresql/data" (whichever '
        'service Go visits first) is refused; after that, env_file .env would be missing too. With both present: '
        '4 services, no resources.',
    'mastodon__mastodon@004f3aa/docker-compose.yml':
        'web, streaming, sidekiq use env_file .env.production, absent from the corpus. With it: 5 services, no resources.',
    'n8n-io__self-hosted-ai-starter-kit@01c4d1a/docker-compose.yml':
        'Anchors x-n8n / x-ollama / x-init-ollama merged with `<<` after `profiles:`; ollama-* and ollama-pull-* are '
        'profile-only (cpu / gpu-nvidia) and inactive, so the GPU reservation of ollama-gpu is not active. '
        'links: postgres adds an implicit dependency on an active service.',
    'netbox-community__netbox-docker@27bf52c/docker-compose.override.yml.example':
        'An override fragment read alone: netbox has only ports.',
    'netbox-community__netbox-docker@27bf52c/docker-compose.test.yml':
        'IMAGE unset -> ${IMAGE-...} default. env/*.env are absent from the corpus (present upstream); each service '
        'stops on its own first file. With them: 6 services.',
    'netbox-community__netbox-docker@27bf52c/docker-compose.yml':
        'VERSION unset -> default. netbox-worker/housekeeping merge *netbox with `<<` and replace depends_on. '
        'env/*.env absent from the corpus. With them: 6 services.',
    'open-telemetry__opentelemetry-demo@054282e/compose.agent.yaml':
        'A layer meant to follow compose.yaml: alone, frontend-proxy has no image and agent/mcp/chatbot depend on '
        'services defined elsewhere; Go map order picks which error shows.',
    'open-telemetry__opentelemetry-demo@054282e/compose.extras.yaml':
        'Only comments: no document, so "empty compose file".',
    'open-telemetry__opentelemetry-demo@054282e/compose.full.yaml':
        'Layer file: checkout and otel-collector are patches without image or build.',
    'open-telemetry__opentelemetry-demo@054282e/compose.observability.yaml':
        'Layer file: frontend-proxy, otel-collector, cart are patches without image or build.',
    'open-telemetry__opentelemetry-demo@054282e/compose.profiling.yaml':
        'otel-ebpf-profiler depends on otel-collector, which only compose.yaml defines.',
    'open-telemetry__opentelemetry-demo@054282e/compose.tests.yaml':
        'frontendTests depends on frontend, which only compose.yaml defines.',
    'open-telemetry__opentelemetry-demo@054282e/compose.yaml':
        'Uses the demo .env (images, ports; values with ${...} expanded by the dotenv reader). 20 services, each with '
        'deploy.resources.limits.memory in M (x 2^20); no cpus, no reservations.',
    'paperless-ngx__paperless-ngx@84778f1/docker/compose/docker-compose.elesticsearch.yml':
        'mem_limit: ${MEM_LIMIT} with MEM_LIMIT=4294967296 from the .env: a string of digits = bytes. '
        'version 2.2 ignored; COMPOSE_PROJECT_NAME=paperless.',
    'paperless-ngx__paperless-ngx@b0e0e8a/docker/compose/docker-compose.mariadb.yml':
        'webserver env_file docker-compose.env absent from the corpus (present upstream). With it: 3 services.',
    'paperless-ngx__paperless-ngx@b0e0e8a/docker/compose/docker-compose.portainer.yml':
        'webserver env_file stack.env absent (Portainer supplies it). With it: 3 services.',
    'paperless-ngx__paperless-ngx@b0e0e8a/docker/compose/docker-compose.postgres-tika.yml':
        'webserver env_file docker-compose.env absent. With it: 5 services.',
    'paperless-ngx__paperless-ngx@b0e0e8a/docker/compose/docker-compose.sqlite.yml':
        'webserver env_file docker-compose.env absent. With it: 2 services.',
    'spring-petclinic__spring-petclinic-microservices@025ab5d/docker-compose.yml':
        'limits.memory 512M = 536870912 (8 services) and 256M = 268435456 (grafana-server, prometheus-server, '
        'build-only).',
    'supabase__supabase@00069a4/docker/docker-compose.yml':
        'No .env (upstream ships .env.example): DOCKER_SOCKET_LOCATION unset makes vector\'s volume '
        '":/var/run/docker.sock:ro,z", refused. Unset ports like "${KONG_HTTP_PORT}:8000/tcp" parse (empty host port). '
        'With the variables set: 13 services, no resources.',
    'zabbix__zabbix-docker@66a0efd/compose_additional_components.yaml':
        'Every service has profiles: nothing is active (selenium-chrome/firefox would have scale 2). Their undefined '
        'network tools_frontend is not checked for inactive services.',
    'zabbix__zabbix-docker@66a0efd/compose_databases.yaml':
        'Fragment meant to be extended: network database and secrets are not declared here; the network check comes '
        'first for mysql-server and postgres-server. elasticsearch is profile-only.',
    'zabbix__zabbix-docker@66a0efd/compose_zabbix_components.yaml':
        'Fragment meant to be extended: no service has an image; in-file extends (server-mysql -> server, ...) carry '
        'profiles, so only server, server-mysql, server-pgsql, web-nginx* are active, all without image.',
    'zabbix__zabbix-docker@66a0efd/docker-compose_v3_alpine_pgsql_latest.yaml':
        'Uses the .env. Two-level extends across files: zabbix-server -> server-pgsql -> server of '
        'compose_zabbix_components.yaml (deploy merged: limits cpus 0.70/1G, reservations 0.5/512M); profiles are '
        'inherited, so proxies, agent, java-gateway, snmptraps, web-service, web-apache-pgsql (profile all/full), '
        'mysql-server and db-data-mysql (own profile all), elasticsearch and selenium* are inactive. env_vars/ is '
        'absent from the corpus (present upstream), so env files stop config. cpus written 0.70 reported as 0.7.',
    'zabbix__zabbix-docker@66a0efd/docker-compose_v3_ol_pgsql_local.yaml':
        'As alpine_pgsql_latest, plus build-only zabbix-build-base and zabbix-build-pgsql (active; build-mysql and '
        'build-sqlite3 have profile all). env_vars/ absent.',
    'zabbix__zabbix-docker@66a0efd/docker-compose_v3_ubuntu_mysql_local.yaml':
        'MySQL flavour: zabbix-server -> server-mysql -> server; mysql-server and db-data-mysql are active here '
        '(no profile of their own), zabbix-build-sqlite3 is profile-only. env_vars/ absent.',
    'zabbix__zabbix-docker@6e18930/docker-compose_v2_alpine_mysql_latest.yaml':
        '`mem_limit: 512m` is indented under ulimits for zabbix-server and both proxies, so it is read as the ulimit '
        '"mem_limit" and the loader\'s int cast of services.*.ulimits.* fails on "512m" (before the schema would '
        'reject volume_driver). Three possible messages by Go map order.',
    'zabbix__zabbix-docker@6e18930/docker-compose_v3_alpine_mysql_latest.yaml':
        'deploy.resources on every zabbix service (cpus 0.70/0.5/0.2/..., memory 1G/512M/256M/128M/64M); '
        'zabbix-agent has mode global (1 on one host). env files .env_* absent from the corpus. 10 services.',
    'zabbix__zabbix-docker@6e18930/docker-compose_v3_ubuntu_pgsql_local.yaml':
        'Like v3_alpine_mysql but with postgres and mysql; agent mode global. env files .env_* absent. 12 services.',
}


def finalize(raw):
    """Shape the raw records into the published form."""
    out = {}
    for rel, rec in raw.items():
        e = {}
        if 'services' in rec:
            e['services'] = rec['services']
            e['inactive'] = rec['inactive']
        else:
            e['refused'] = rec['refused']
            if rec.get('refused_alternatives'):
                e['refused_alternatives'] = rec['refused_alternatives']
            if rec.get('refused_kind'):
                e['refused_kind'] = rec['refused_kind']
            if 'services_if_not_refused' in rec:
                e['services_if_not_refused'] = rec['services_if_not_refused']
                e['inactive'] = rec['inactive']
        e['notes'] = NOTES[rel]
        out[rel] = e
    return out


if __name__ == '__main__':
    main()
