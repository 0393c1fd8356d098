#!/usr/bin/env python3
"""Check a JustCulture decision-log export, inclusion proof or consistency proof without trusting the product.

Everything here follows docs/log-format.md (section numbers below refer to it) and uses only the Python
standard library, so an auditor can read all of it. Exit codes: 0 verified, 1 verification failed,
2 bad input (a file is missing or malformed; the message names the file and line).
"""
import argparse
import base64
import binascii
import collections
import datetime
import hashlib
import json
import re
import sys


class BadInput(Exception):
    """A file is missing or not in the documented format (exit 2)."""


class Failed(Exception):
    """The files are well formed but do not verify (exit 1)."""


# ---------------------------------------------------------------------------------------------------
# ECDSA P-256 verification (FIPS 186-4 §6.4; curve from SEC 2 §2.4.2). Public data only, so no need for
# constant-time code. A point is a tuple (x, y); None is the point at infinity.
P = 0xFFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF  # field prime
A = P - 3
B = 0x5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B
N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551  # order of G
G = (0x6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296,
     0x4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5)


def on_curve(point):
    x, y = point
    return 0 <= x < P and 0 <= y < P and (y * y - (x * x * x + A * x + B)) % P == 0


def point_add(p1, p2):
    """Affine point addition (and doubling when p1 == p2)."""
    if p1 is None:
        return p2
    if p2 is None:
        return p1
    (x1, y1), (x2, y2) = p1, p2
    if x1 == x2 and (y1 + y2) % P == 0:
        return None  # p2 == -p1
    if p1 == p2:
        slope = (3 * x1 * x1 + A) * pow(2 * y1, -1, P) % P
    else:
        slope = (y2 - y1) * pow(x2 - x1, -1, P) % P
    x3 = (slope * slope - x1 - x2) % P
    return x3, (slope * (x1 - x3) - y1) % P


def scalar_mult(k, point):
    """k × point by double-and-add."""
    result = None
    while k:
        if k & 1:
            result = point_add(result, point)
        point = point_add(point, point)
        k >>= 1
    return result


def der_read(data, pos, tag):
    """Read one DER tag-length-value with the expected tag at pos; return (value, position after it)."""
    if pos + 2 > len(data) or data[pos] != tag:
        raise ValueError("expected DER tag 0x%02x" % tag)
    length, pos = data[pos + 1], pos + 2
    if length & 0x80:  # long form: the next (length & 0x7f) bytes hold the length, minimally encoded
        count = length & 0x7F
        if not 1 <= count <= 2 or pos + count > len(data):
            raise ValueError("bad DER length")
        length, pos = int.from_bytes(data[pos:pos + count], "big"), pos + count
        if length < 0x80 or (count == 2 and length < 0x100):
            raise ValueError("DER length not minimally encoded")
    if pos + length > len(data):
        raise ValueError("DER value runs past the end")
    return data[pos:pos + length], pos + length


def der_positive_integer(value):
    if not value or value[0] & 0x80 or (len(value) > 1 and value[0] == 0 and not value[1] & 0x80):
        raise ValueError("not a minimally encoded positive DER INTEGER")
    return int.from_bytes(value, "big")


def parse_der_signature(sig):
    """ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER } (RFC 3279 §2.2.3), nothing after it."""
    body, end = der_read(sig, 0, 0x30)
    r, pos = der_read(body, 0, 0x02)
    s, pos = der_read(body, pos, 0x02)
    if end != len(sig) or pos != len(body):
        raise ValueError("trailing bytes in signature")
    return der_positive_integer(r), der_positive_integer(s)


# AlgorithmIdentifier contents: OID id-ecPublicKey (1.2.840.10045.2.1), OID prime256v1 (1.2.840.10045.3.1.7).
EC_P256_ALGORITHM = bytes.fromhex("06072a8648ce3d020106082a8648ce3d030107")


def parse_p256_spki(der):
    """SubjectPublicKeyInfo ::= SEQUENCE { AlgorithmIdentifier, BIT STRING } (RFC 5480); returns the point."""
    body, end = der_read(der, 0, 0x30)
    algorithm, pos = der_read(body, 0, 0x30)
    bits, pos = der_read(body, pos, 0x03)
    if end != len(der) or pos != len(body):
        raise ValueError("trailing bytes")
    if algorithm != EC_P256_ALGORITHM:
        raise ValueError("not an id-ecPublicKey key on prime256v1 (P-256)")
    if len(bits) != 66 or bits[0] != 0 or bits[1] != 0x04:  # no unused bits; 0x04 = uncompressed point
        raise ValueError("the public key is not an uncompressed P-256 point")
    point = (int.from_bytes(bits[2:34], "big"), int.from_bytes(bits[34:], "big"))
    if not on_curve(point):
        raise ValueError("the public key's point is not on the P-256 curve")
    return point


def ecdsa_verify(public_point, message, der_signature):
    """True when der_signature is a valid ECDSA P-256 / SHA-256 signature of message."""
    try:
        r, s = parse_der_signature(der_signature)
    except ValueError:
        return False
    if not (1 <= r < N and 1 <= s < N):
        return False
    e = int.from_bytes(hashlib.sha256(message).digest(), "big")  # 256 bits = bit length of N: no truncation
    w = pow(s, -1, N)
    point = point_add(scalar_mult(e * w % N, G), scalar_mult(r * w % N, public_point))
    return point is not None and point[0] % N == r


PublicKey = collections.namedtuple("PublicKey", "path der point")  # der: the SPKI bytes the key id hashes


def read_text(path):
    try:
        with open(path, "rb") as f:
            return f.read().decode("utf-8")
    except OSError as e:
        raise BadInput("%s: cannot read the file: %s" % (path, e.strerror or e))
    except UnicodeDecodeError as e:
        raise BadInput("%s: not UTF-8 text (byte %d)" % (path, e.start))


def read_public_key(path):
    """A PEM '-----BEGIN PUBLIC KEY-----' file holding a P-256 SubjectPublicKeyInfo."""
    lines = read_text(path).splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or lines[first].strip() != "-----BEGIN PUBLIC KEY-----":
        found = "a private key: give the public key" if first is not None and "PRIVATE" in lines[first] else \
            "not '-----BEGIN PUBLIC KEY-----'"
        raise BadInput("%s line %d: %s" % (path, (first or 0) + 1, found))
    body = []
    for i in range(first + 1, len(lines)):
        line = lines[i].strip()
        if line == "-----END PUBLIC KEY-----":
            break
        if not re.fullmatch(r"[A-Za-z0-9+/=]+", line):
            raise BadInput("%s line %d: not base64" % (path, i + 1))
        body.append(line)
    else:
        raise BadInput("%s line %d: no '-----END PUBLIC KEY-----' line" % (path, len(lines)))
    try:
        der = base64.b64decode("".join(body), validate=True)
        return PublicKey(path, der, parse_p256_spki(der))
    except (binascii.Error, ValueError) as e:
        raise BadInput("%s line %d: not an ECDSA P-256 public key: %s" % (path, first + 2, e))


# ---------------------------------------------------------------------------------------------------
# Leaves and the Merkle tree (§1.1, §1.2; RFC 9162 §2.1).
ENTRY_KEYS = ("sequence", "entryId", "eventType", "concernId", "workflowInstanceId", "subjectStaffRef",
              "definitionId", "definitionVersion", "activityId", "question", "answer", "rationale",
              "informalNotAppropriate", "actorId", "actorRole", "occurredAtUtc")
# Export /3 and inclusion proof /2 add the leaf version (§1.1, §1.4) and "opened": the personal fields' plaintext,
# which is not hashed (so erasing a case's key changes nothing that is checked here) and is ignored.
VERSIONED_ENTRY_KEYS = ENTRY_KEYS + ("leafVersion", "opened")
LEAF_VERSIONS = (1, 2)
EXPORT_FORMATS = {"justculture-log-export/2": False, "justculture-log-export/3": True}
INCLUSION_FORMATS = {"justculture-inclusion-proof/1": False, "justculture-inclusion-proof/2": True}
GUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
# [0-9], not \d: in Python \d also matches other scripts' digits.
UTC_TIME = r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z"
# The 15 leaf fields in §1.1 order: (export key, may it be null, "int" or a regex the text must match).
LEAF_FIELDS = (("entryId", False, "int"), ("eventType", False, None), ("concernId", True, GUID),
               ("workflowInstanceId", True, GUID), ("subjectStaffRef", True, None),
               ("definitionId", True, None), ("definitionVersion", True, "int"), ("activityId", True, None),
               ("question", True, None), ("answer", True, None), ("rationale", True, None),
               ("informalNotAppropriate", True, None), ("actorId", False, None), ("actorRole", False, None),
               ("occurredAtUtc", False, UTC_TIME))


def check_keys(value, keys, where, what):
    """value must be a JSON object with exactly these keys; the message says which are missing or extra."""
    if not isinstance(value, dict):
        raise BadInput("%s: %s must be a JSON object" % (where, what))
    missing = [k for k in keys if k not in value]
    extra = sorted(k for k in value if k not in keys)
    if missing or extra:
        found = (["missing " + ", ".join(missing)] if missing else []) + \
                (["unexpected " + ", ".join(extra)] if extra else [])
        raise BadInput("%s: %s must have exactly the keys %s (%s)" % (where, what, ", ".join(keys), "; ".join(found)))


def is_count(value):
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def encode_field(text):
    """null → 0x00; text → 0x01, 4-byte big-endian length of its UTF-8 bytes, the bytes."""
    if text is None:
        return b"\x00"
    data = text.encode("utf-8")
    return b"\x01" + len(data).to_bytes(4, "big") + data


def leaf_data(entry, where, versioned):
    """The bytes §1.1 hashes for one export entry; where names it in errors. A versioned entry (export /3, proof /2)
    has exactly VERSIONED_ENTRY_KEYS and its leafVersion is the first byte; an older one has exactly ENTRY_KEYS and
    is version 1. The personal fields are hashed as given: in version 2 that is their sealed text (§1.4)."""
    check_keys(entry, VERSIONED_ENTRY_KEYS if versioned else ENTRY_KEYS, where, "an entry")
    if not is_count(entry["sequence"]) or entry["sequence"] < 1:
        raise BadInput("%s: field 'sequence' must be a whole number from 1" % where)
    version = entry["leafVersion"] if versioned else 1
    if not is_count(version) or version not in LEAF_VERSIONS:
        raise BadInput("%s: field 'leafVersion' must be 1 or 2 (found %s)" % (where, json.dumps(version)))
    out = bytes([version])  # the leaf version
    for key, nullable, form in LEAF_FIELDS:
        value = entry[key]
        if value is None and nullable:
            out += encode_field(None)
        elif form == "int" and is_count(value):
            out += encode_field(str(value))
        elif form != "int" and isinstance(value, str) and (form is None or re.fullmatch(form, value)):
            try:
                out += encode_field(value)
            except UnicodeEncodeError:
                raise BadInput("%s: field '%s' is not valid Unicode text" % (where, key))
        else:
            wanted = {"int": "a whole number", GUID: "a lower-case GUID", UTC_TIME: "yyyy-MM-ddTHH:mm:ss.ffffffZ",
                      None: "text"}[form]
            raise BadInput("%s: field '%s' must be %s%s (found %s)"
                           % (where, key, wanted, " or null" if nullable else "", json.dumps(value)))
    return out


def sha256(data):
    return hashlib.sha256(data).digest()


def leaf_hash(data):
    return sha256(b"\x00" + data)


def node_hash(left, right):
    return sha256(b"\x01" + left + right)


def merkle_root(leaf_hashes):
    """RFC 9162 Merkle Tree Hash of a list of leaf hashes."""
    n = len(leaf_hashes)
    if n == 0:
        return sha256(b"")
    if n == 1:
        return leaf_hashes[0]
    k = 1 << ((n - 1).bit_length() - 1)  # the largest power of two smaller than n
    return node_hash(merkle_root(leaf_hashes[:k]), merkle_root(leaf_hashes[k:]))


def root_from_inclusion_path(index, size, leaf, path):
    """RFC 9162 §2.1.3.2: the root that path proves leaf (at index) is under; Failed if it cannot."""
    if not 0 <= index < size:
        raise Failed("leaf index %d is outside a tree of %d entries" % (index, size))
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if sn == 0:
            raise Failed("the inclusion path is longer than a tree of %d entries needs" % size)
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            r = node_hash(r, p)
        fn, sn = fn >> 1, sn >> 1
    if sn != 0:
        raise Failed("the inclusion path is shorter than a tree of %d entries needs" % size)
    return r


def verify_consistency(size1, size2, root1, root2, path):
    """RFC 9162 §2.1.4.2, with the cases it leaves to the caller: equal sizes and an empty old tree."""
    if size1 > size2:
        raise Failed("the old tree (%d entries) is larger than the new one (%d)" % (size1, size2))
    if size1 == size2 or size1 == 0:
        if path:
            raise Failed("the consistency path must be empty when the old size is 0 or equals the new size")
        if size1 == size2 and root1 != root2:
            raise Failed("two checkpoints of %d entries sign different roots: the log was rewritten" % size1)
        return
    if not path:
        raise Failed("the consistency path is empty")
    if size1 & (size1 - 1) == 0:  # the old tree is a complete subtree: its root starts the path
        path = [root1] + path
    fn, sn = size1 - 1, size2 - 1
    while fn & 1:
        fn, sn = fn >> 1, sn >> 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            raise Failed("the consistency path is longer than these sizes need")
        if fn & 1 or fn == sn:
            fr, sr = node_hash(c, fr), node_hash(c, sr)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            sr = node_hash(sr, c)
        fn, sn = fn >> 1, sn >> 1
    if sn != 0:
        raise Failed("the consistency path is shorter than these sizes need")
    if fr != root1:
        raise Failed("the path does not lead to the old checkpoint's root: the proof is wrong or the first %d "
                     "entries were rewritten" % size1)
    if sr != root2:
        raise Failed("the path does not lead to the new checkpoint's root")


# ---------------------------------------------------------------------------------------------------
# Checkpoints: C2SP signed notes (§2).
def b64_bytes(text):
    """Strict base64 (standard alphabet, padded, canonical) → bytes, or None if text is not that."""
    try:
        raw = base64.b64decode(text, validate=True) if isinstance(text, str) else None
    except binascii.Error:
        return None
    return raw if raw is not None and base64.b64encode(raw).decode() == text else None


def b64_hash(text, what):
    """A base64 SHA-256 hash; ValueError if text is not one."""
    raw = b64_bytes(text)
    if raw is None or len(raw) != 32:
        raise ValueError("%s is not a base64 SHA-256 hash" % what)
    return raw


# where: names it in messages; text: the signed bytes; signatures: [(key name, decoded signature bytes)].
Checkpoint = collections.namedtuple("Checkpoint", "where text origin size root time signatures")


def parse_checkpoint(note, where):
    """Split a signed note into its four text lines and its signature lines; where names it in errors."""
    if not isinstance(note, str):
        raise BadInput("%s: the checkpoint must be text" % where)
    if "\r" in note:
        raise BadInput("%s: has carriage returns; a checkpoint's lines end in a newline only" % where)
    text, blank, signature_part = note.partition("\n\n")
    lines = text.split("\n")
    if not blank or len(lines) != 4:
        raise BadInput("%s: the checkpoint must be 4 lines (origin, size, root, time), a blank line, then "
                       "signature lines" % where)
    origin, size, root, time = lines
    if not origin or re.search(r"\s", origin):
        raise BadInput("%s line 1: the origin must be non-empty with no spaces" % where)
    if not re.fullmatch(r"0|[1-9][0-9]{0,18}", size):
        raise BadInput("%s line 2: the tree size must be decimal digits" % where)
    try:
        root_hash = b64_hash(root, "the root hash")
    except ValueError as e:
        raise BadInput("%s line 3: %s" % (where, e))
    if not re.fullmatch(r"time (0|[1-9][0-9]{0,18})", time):
        raise BadInput("%s line 4: expected 'time <Unix seconds>'" % where)
    if not signature_part.endswith("\n"):
        raise BadInput("%s: the last signature line must end with a newline" % where)
    signatures = []
    for number, line in enumerate(signature_part[:-1].split("\n"), start=6):  # line 5 is the blank one
        match = re.fullmatch(r"\u2014 (\S+) (\S+)", line)
        signature = b64_bytes(match.group(2)) if match else None
        if not signature:
            raise BadInput("%s line %d: expected '\u2014 <key name> <base64 signature>'" % (where, number))
        signatures.append((match.group(1), signature))
    return Checkpoint(where, (text + "\n").encode("utf-8"), origin, int(size), root_hash, int(time[5:]),
                      signatures)


def read_checkpoint_file(path):
    return parse_checkpoint(read_text(path), path)


def key_id(name, signature_type, key):
    """First 4 bytes of SHA-256(name ‖ 0x0A ‖ type ‖ DER SPKI); type 0x02 = log signature, 0x04 = cosignature."""
    return sha256(name.encode("utf-8") + b"\n" + bytes([signature_type]) + key.der)[:4]


def verify_log_signature(checkpoint, key):
    """Require a valid signature by the log's key (key name = origin); lines from other keys are ignored."""
    wanted = key_id(checkpoint.origin, 0x02, key)
    ours = [sig[4:] for name, sig in checkpoint.signatures if name == checkpoint.origin and sig[:4] == wanted]
    if not ours:
        raise Failed("%s: the checkpoint is not signed by the log key in %s (no signature line for '%s' with "
                     "key id %s)" % (checkpoint.where, key.path, checkpoint.origin, wanted.hex()))
    for der in ours:
        if not ecdsa_verify(key.point, checkpoint.text, der):
            raise Failed("%s: the log key's signature does not verify: the checkpoint was altered after signing"
                         % checkpoint.where)


def verify_cosignature(checkpoint, name, key):
    """Require a valid cosignature/v1 from the named witness (§2); returns the time it signed."""
    wanted = key_id(name, 0x04, key)
    times = []
    for line_name, sig in checkpoint.signatures:
        if line_name != name or sig[:4] != wanted:
            continue
        if len(sig) < 12:
            raise Failed("%s: witness %s's cosignature is too short" % (checkpoint.where, name))
        t = int.from_bytes(sig[4:12], "big")
        if not ecdsa_verify(key.point, b"cosignature/v1\ntime %d\n" % t + checkpoint.text, sig[12:]):
            raise Failed("%s: witness %s's cosignature does not verify" % (checkpoint.where, name))
        times.append(t)
    if not times:
        raise Failed("%s: no cosignature from witness %s (key %s, key id %s)"
                     % (checkpoint.where, name, key.path, wanted.hex()))
    return max(times)


def utc(seconds):
    try:
        t = datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc)
    except (OverflowError, OSError, ValueError):  # beyond the year 9999
        return "%d Unix seconds" % seconds
    return "%d %s at %s UTC" % (t.day, t.strftime("%B %Y"), t.strftime("%H:%M:%S"))


# ---------------------------------------------------------------------------------------------------
# The three commands.
def parse_json(text, where):
    def no_duplicates(pairs):
        keys = [k for k, _ in pairs]
        if len(set(keys)) != len(keys):  # two readers could otherwise see two different values
            raise BadInput("%s: a key appears twice" % where)
        return dict(pairs)

    def no_constant(name):
        raise BadInput("%s: %s is not allowed" % (where, name))
    try:
        return json.loads(text, object_pairs_hook=no_duplicates, parse_constant=no_constant)
    except json.JSONDecodeError as e:
        raise BadInput("%s: not valid JSON: %s (line %d column %d)" % (where, e.msg, e.lineno, e.colno))
    except (ValueError, RecursionError) as e:  # e.g. a number with thousands of digits
        raise BadInput("%s: not valid JSON: %s" % (where, e))


def read_document(value, where, format_names, keys, counts):
    """Check a parsed JSON object has exactly these keys, one of these formats, and whole numbers in counts."""
    check_keys(value, keys, where, "the document")
    if isinstance(format_names, str):
        format_names = (format_names,)
    if value["format"] not in format_names:
        raise BadInput("%s: format must be %s" % (where, " or ".join('"%s"' % f for f in format_names)))
    for key in counts:
        if not is_count(value[key]):
            raise BadInput("%s: %s must be a whole number" % (where, key))
    return value


def read_hash(value, where):
    try:
        return b64_hash(value, where)
    except ValueError as e:
        raise BadInput(str(e))


def read_path(value, where):
    if not isinstance(value, list):
        raise BadInput("%s must be a list of base64 hashes" % where)
    return [read_hash(item, "%s[%d]" % (where, i)) for i, item in enumerate(value)]


def check_export(args):
    key = read_public_key(args.public_key)
    witnesses = []
    for spec in args.witness:
        name, equals, path = spec.partition("=")
        if not equals or not name or not path:
            raise BadInput("--witness %s: expected NAME=witness.pub.pem" % spec)
        witnesses.append((name, read_public_key(path)))
    kept = [read_checkpoint_file(path) for path in args.checkpoint]

    lines = read_text(args.export).split("\n")
    if lines[-1] == "":
        lines.pop()  # the newline that ends the last line
    if not lines:
        raise BadInput("%s line 1: the file is empty; expected the export header" % args.export)
    where = "%s line 1" % args.export
    header = read_document(parse_json(lines[0], where), where, tuple(EXPORT_FORMATS),
                           ("format", "treeSize", "checkpoint"), ("treeSize",))
    checkpoint = parse_checkpoint(header["checkpoint"], where + ", checkpoint")
    verify_log_signature(checkpoint, key)
    cosigned = ["%s at %s" % (name, utc(verify_cosignature(checkpoint, name, w))) for name, w in witnesses]

    hashes = []
    for number, line in enumerate(lines[1:], start=2):
        where = "%s line %d" % (args.export, number)
        entry = parse_json(line, where)
        data = leaf_data(entry, where, EXPORT_FORMATS[header["format"]])
        if entry["sequence"] != len(hashes) + 1:
            raise Failed("%s: entry with sequence %d where sequence %d belongs: entries are missing, repeated "
                         "or out of order" % (where, entry["sequence"], len(hashes) + 1))
        hashes.append(leaf_hash(data))

    if header["treeSize"] != checkpoint.size:
        raise Failed("%s line 1: the header says treeSize %d but its signed checkpoint covers %d entries"
                     % (args.export, header["treeSize"], checkpoint.size))
    if len(hashes) != checkpoint.size:
        raise Failed("%s: the export has %d entries but its signed checkpoint covers %d: entries were %s"
                     % (args.export, len(hashes), checkpoint.size,
                        "removed from the end" if len(hashes) < checkpoint.size else "added at the end"))
    root = merkle_root(hashes)
    if root != checkpoint.root:
        raise Failed("%s: the %d entries hash to root %s but the signed checkpoint's root is %s: an entry was "
                     "changed or moved" % (args.export, len(hashes), root.hex(), checkpoint.root.hex()))

    agreed = 0  # entries already shown unchanged by a kept checkpoint; smallest first narrows a rewrite down
    for old in sorted(kept, key=lambda c: c.size):
        verify_log_signature(old, key)
        if old.origin != checkpoint.origin:
            raise Failed("%s: this checkpoint is for log '%s', the export for '%s'"
                         % (old.where, old.origin, checkpoint.origin))
        if old.size > checkpoint.size:
            raise Failed("%s: rolled back: the export has %d entries but this checkpoint, signed %s, already "
                         "covered %d" % (old.where, checkpoint.size, utc(old.time), old.size))
        if merkle_root(hashes[:old.size]) != old.root:
            changed = "an entry from sequence %d to %d was changed since" % (agreed + 1, old.size) \
                if agreed < old.size else "the log signed two different roots for this size"
            raise Failed("%s: rewritten: the export's first %d entries do not give the root this checkpoint "
                         "signed %s; %s" % (old.where, old.size, utc(old.time), changed))
        agreed = old.size

    summary = "verified: %s, %d entries, root %s, checkpoint signed %s" % (
        checkpoint.origin, len(hashes), root.hex(), utc(checkpoint.time))
    if kept:
        summary += "; consistent with %d kept checkpoint%s" % (len(kept), "" if len(kept) == 1 else "s")
    if cosigned:
        summary += "; cosigned by " + ", ".join(cosigned)
    print(summary)


def check_inclusion(args):
    key = read_public_key(args.public_key)
    proof = read_document(parse_json(read_text(args.proof), args.proof), args.proof, tuple(INCLUSION_FORMATS),
                          ("format", "sequence", "leafIndex", "treeSize", "entry", "leafHash", "path", "checkpoint"),
                          ("sequence", "leafIndex", "treeSize"))
    entry = proof["entry"]
    # An auditor's proof withholds the entry (the log is pseudonymised for them): it then proves only that this
    # leaf hash is in the signed tree, at this place.
    data = None if entry is None else leaf_data(entry, args.proof + ": entry", INCLUSION_FORMATS[proof["format"]])
    claimed = read_hash(proof["leafHash"], args.proof + ": leafHash")
    path = read_path(proof["path"], args.proof + ": path")
    checkpoint = parse_checkpoint(proof["checkpoint"], args.proof + ": checkpoint")
    verify_log_signature(checkpoint, key)

    sequence = proof["sequence"] if entry is None else entry["sequence"]
    if not sequence == proof["sequence"] == proof["leafIndex"] + 1:
        raise Failed("%s: the entry's sequence (%d), the proof's sequence (%d) and leafIndex (%d) disagree"
                     % (args.proof, sequence, proof["sequence"], proof["leafIndex"]))
    if proof["treeSize"] != checkpoint.size:
        raise Failed("%s: treeSize %d but the checkpoint covers %d entries"
                     % (args.proof, proof["treeSize"], checkpoint.size))
    if data is not None and leaf_hash(data) != claimed:
        raise Failed("%s: the entry (sequence %d) does not hash to leafHash: the entry was changed"
                     % (args.proof, sequence))
    root = root_from_inclusion_path(proof["leafIndex"], checkpoint.size, claimed, path)
    if root != checkpoint.root:
        raise Failed("%s: the path from entry %d leads to root %s, not the signed root %s"
                     % (args.proof, sequence, root.hex(), checkpoint.root.hex()))
    what = ("entry %d (withheld from this proof; leaf hash %s)" % (sequence, claimed.hex())) if entry is None \
        else ("entry %d (%s, occurred %s)" % (sequence, entry["eventType"], entry["occurredAtUtc"]))
    print("verified: %s is in %s at %d entries, root %s, checkpoint signed %s"
          % (what, checkpoint.origin, checkpoint.size, root.hex(), utc(checkpoint.time)))


def check_consistency(args):
    key = read_public_key(args.public_key)
    proof = read_document(parse_json(read_text(args.proof), args.proof), args.proof,
                          "justculture-consistency-proof/1",
                          ("format", "oldSize", "oldRoot", "newSize", "newRoot", "path"), ("oldSize", "newSize"))
    old_root = read_hash(proof["oldRoot"], args.proof + ": oldRoot")
    new_root = read_hash(proof["newRoot"], args.proof + ": newRoot")
    path = read_path(proof["path"], args.proof + ": path")
    old, new = read_checkpoint_file(args.old), read_checkpoint_file(args.new)
    verify_log_signature(old, key)
    verify_log_signature(new, key)
    if old.origin != new.origin:
        raise Failed("%s and %s are checkpoints of different logs ('%s', '%s')"
                     % (old.where, new.where, old.origin, new.origin))
    for checkpoint, size, root, label in ((old, proof["oldSize"], old_root, "old"),
                                          (new, proof["newSize"], new_root, "new")):
        if (size, root) != (checkpoint.size, checkpoint.root):
            raise Failed("%s: the proof's %sSize/%sRoot are not this checkpoint's (%d entries, root %s)"
                         % (checkpoint.where, label, label, checkpoint.size, checkpoint.root.hex()))
    try:
        verify_consistency(old.size, new.size, old.root, new.root, path)
    except Failed as e:
        raise Failed("%s: %s" % (args.proof, e))
    print("verified: %s only grew, from %d to %d entries (checkpoints signed %s and %s); root %s"
          % (new.origin, old.size, new.size, utc(old.time), utc(new.time), new.root.hex()))


def main(argv=None):
    parser = argparse.ArgumentParser(description="Verify a JustCulture decision-log export or proof "
                                                 "(docs/log-format.md). Exit 0 verified, 1 failed, 2 bad input.")
    commands = parser.add_subparsers(dest="command", required=True)
    export = commands.add_parser("export", help="verify an export against its checkpoint and kept checkpoints")
    export.add_argument("export", metavar="EXPORT.jsonl")
    export.add_argument("--checkpoint", action="append", default=[], metavar="KEPT.txt",
                        help="a checkpoint kept from earlier; the export must extend it")
    export.add_argument("--witness", action="append", default=[], metavar="NAME=witness.pub.pem",
                        help="require a valid cosignature from this witness")
    inclusion = commands.add_parser("proof", help="verify an inclusion proof")
    inclusion.add_argument("proof", metavar="PROOF.json")
    consistency = commands.add_parser("consistency", help="verify a consistency proof between two checkpoints")
    consistency.add_argument("proof", metavar="PROOF.json")
    consistency.add_argument("--old", required=True, metavar="OLD.txt")
    consistency.add_argument("--new", required=True, metavar="NEW.txt")
    for command in (export, inclusion, consistency):
        command.add_argument("--public-key", required=True, metavar="log.pub.pem", help="the log's public key")
    args = parser.parse_args(argv)
    try:
        {"export": check_export, "proof": check_inclusion, "consistency": check_consistency}[args.command](args)
        return 0
    except Failed as e:
        print("NOT VERIFIED: %s" % e, file=sys.stderr)
        return 1
    except BadInput as e:
        print("bad input: %s" % e, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
