"""Tests for verify_log.py. Run with: python3 -m unittest discover -s tools

Keys and signatures come from the openssl command, not from the verifier, so the verifier's ECDSA code is
checked against an independent implementation. Exports and proofs are built here following
docs/log-format.md; the Merkle hashing and the leaf encoding are pinned by known answers that do not
depend on the verifier at all.
"""
import base64
import contextlib
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import verify_log as v

HERE = os.path.dirname(os.path.abspath(__file__))
ORIGIN = "justculture.example.nhs.uk/decision-log"
T0 = 1800000000  # 15 January 2027 08:00:00 UTC


def b64(data):
    return base64.b64encode(data).decode()


def h(hex_text):
    return bytes.fromhex(hex_text)


# --- Known answers -------------------------------------------------------------------------------------
# RFC 6962 Merkle test vectors, from github.com/transparency-dev/merkle, testonly/constants.go
# (LeafInputs, RootHashes) and proof/verify_test.go (inclusionProofs, consistencyProofs).
CT_LEAVES = [h(x) for x in ("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
                            "606162636465666768696a6b6c6d6e6f")]
CT_ROOTS = [h(x) for x in (  # index = tree size
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")]
CT_INCLUSION = [  # (leaf index, tree size, path)
    (0, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
    (5, 8, ["bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
    (2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]),
    (1, 5, ["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"])]
CT_CONSISTENCY = [  # (old size, new size, path)
    (1, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
    (6, 8, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
    (2, 5, ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]),
    (6, 7, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"])]

# One entry and its §1.1 leaf data, worked out by hand field by field (ASCII codes, UTF-8 of "é" = c3 a9).
KNOWN_ENTRY = {"sequence": 1, "entryId": 7, "eventType": "ConcernOpened",
               "concernId": "3f2504e0-4f89-41d3-9a0c-0305e82c3301", "workflowInstanceId": None,
               "subjectStaffRef": "S-104", "definitionId": "jc", "definitionVersion": 3, "activityId": None,
               "question": None, "answer": None, "rationale": "caf\u00e9", "informalNotAppropriate": None,
               "actorId": "u-1", "actorRole": "LineManager", "occurredAtUtc": "2027-01-15T14:05:00.000000Z"}
KNOWN_LEAF_DATA = "".join((
    "01",                                  # format version
    "01" "00000001" "37",                  # entry id "7"
    "01" "0000000d" "436f6e6365726e4f70656e6564",  # "ConcernOpened" (13 bytes)
    "01" "00000024" "33663235303465302d346638392d343164332d396130632d303330356538326333333031",  # concern id
    "00",                                  # workflow instance id: null
    "01" "00000005" "532d313034",          # "S-104"
    "01" "00000002" "6a63",                # definition id "jc"
    "01" "00000001" "33",                  # definition version "3"
    "00", "00", "00",                      # activity id, question, answer: null
    "01" "00000005" "636166c3a9",          # rationale "café": 4 characters, 5 UTF-8 bytes
    "00",                                  # informal-not-appropriate statement: null
    "01" "00000003" "752d31",              # actor id "u-1"
    "01" "0000000b" "4c696e654d616e61676572",  # "LineManager"
    "01" "0000001b" "323032372d30312d31355431343a30353a30302e3030303030305a",  # occurred at (27 bytes)
))

# RFC 6979 Appendix A.2.5: P-256 key and its SHA-256 signature of "sample".
RFC6979_X = 0x60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6
RFC6979_Y = 0x7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299
RFC6979_R = 0xEFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716
RFC6979_S = 0xF7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8


# --- Fixture builders (independent of the verifier except for the leaf encoding) ------------------------
def der_signature(r, s):
    def integer(value):
        body = value.to_bytes((value.bit_length() + 8) // 8 or 1, "big")  # room for a leading 0 bit
        return b"\x02" + bytes([len(body)]) + body
    body = integer(r) + integer(s)
    return b"\x30" + bytes([len(body)]) + body


def openssl(*args, data=None):
    return subprocess.run(("openssl",) + args, input=data, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          check=True).stdout


class Key:
    """A P-256 key made by openssl: private PKCS#8 PEM, public SPKI PEM and its DER."""

    def __init__(self, folder, name, curve="prime256v1"):
        self.private = os.path.join(folder, name + ".pem")
        self.public = os.path.join(folder, name + ".pub.pem")
        with open(self.private, "wb") as f:
            f.write(openssl("pkcs8", "-topk8", "-nocrypt", data=openssl("ecparam", "-name", curve, "-genkey",
                                                                           "-noout")))
        openssl("pkey", "-in", self.private, "-pubout", "-out", self.public)
        self.der = openssl("pkey", "-in", self.private, "-pubout", "-outform", "DER")

    def sign(self, message):
        return openssl("dgst", "-sha256", "-sign", self.private, data=message)

    def key_id(self, name, signature_type):
        return hashlib.sha256(name.encode() + b"\n" + bytes([signature_type]) + self.der).digest()[:4]


def note(key, size, root, time=T0, origin=ORIGIN, witnesses=()):
    """A signed checkpoint (§2); witnesses is a list of (name, Key, time) that cosign it."""
    text = "%s\n%d\n%s\ntime %d\n" % (origin, size, b64(root), time)
    lines = ["\u2014 %s %s\n" % (origin, b64(key.key_id(origin, 2) + key.sign(text.encode())))]
    for name, witness, t in witnesses:
        signature = witness.sign(b"cosignature/v1\ntime %d\n" % t + text.encode())
        lines.append("\u2014 %s %s\n" % (name, b64(witness.key_id(name, 4) + t.to_bytes(8, "big") + signature)))
    return text + "\n" + "".join(lines)


def entries(count, changed_text=""):
    """count plausible entries; changed_text varies the rationale so two histories can differ."""
    made = []
    for s in range(1, count + 1):
        entry = dict(KNOWN_ENTRY, sequence=s, entryId=10 + 2 * s, rationale="reason %d%s" % (s, changed_text))
        if s % 2:
            entry.update(eventType="ChecklistAnswered", question="Was the action deliberate?", answer="No",
                         workflowInstanceId="0f8fad5b-d9cb-469f-a165-70867728950e", definitionVersion=None)
        made.append(entry)
    return made


def hashes_of(items):
    return [v.leaf_hash(v.leaf_data(e, "test", "leafVersion" in e)) for e in items]


def sealed_entries(count):
    """Export /3 lines as the product writes them since sealing: leaf version 2, a case's personal fields sealed
    (opaque text to a verifier), their plaintext beside them in "opened" — and one entry erased (opened null)."""
    made = []
    for item in entries(count):
        opened = {"subjectStaffRef": item["subjectStaffRef"], "rationale": item["rationale"],
                  "informalNotAppropriate": item["informalNotAppropriate"]}
        item = dict(item, leafVersion=2, opened=None if item["sequence"] == 1 else opened)
        for key in ("subjectStaffRef", "rationale", "informalNotAppropriate"):
            if item[key] is not None:
                item[key] = "pd1:" + base64.b64encode(("sealed %s of %d" % (key, item["sequence"])).encode()).decode()
        made.append(item)
    return made


def largest_power_of_two_below(n):
    return 1 << ((n - 1).bit_length() - 1)


def inclusion_path(index, leaves):
    """RFC 9162 §2.1.3.1 PATH(m, D[n])."""
    if len(leaves) <= 1:
        return []
    k = largest_power_of_two_below(len(leaves))
    if index < k:
        return inclusion_path(index, leaves[:k]) + [v.merkle_root(leaves[k:])]
    return inclusion_path(index - k, leaves[k:]) + [v.merkle_root(leaves[:k])]


def consistency_path(m, leaves, complete=True):
    """RFC 9162 §2.1.4.1 SUBPROOF(m, D[n], b)."""
    if m == len(leaves):
        return [] if complete else [v.merkle_root(leaves)]
    k = largest_power_of_two_below(len(leaves))
    if m <= k:
        return consistency_path(m, leaves[:k], complete) + [v.merkle_root(leaves[k:])]
    return consistency_path(m - k, leaves[k:], False) + [v.merkle_root(leaves[:k])]


class Fixture(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.mkdtemp(prefix="verify-log-test-")
        cls.log_key, cls.other_key = Key(cls.folder, "log"), Key(cls.folder, "other")
        cls.witness, cls.other_witness = Key(cls.folder, "witness"), Key(cls.folder, "other-witness")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.folder)

    def write(self, name, content):
        path = os.path.join(self.folder, name)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(content)
        return path

    def export(self, items, checkpoint=None, name="export.jsonl", tree_size=None):
        checkpoint = checkpoint or note(self.log_key, len(items), v.merkle_root(hashes_of(items)))
        versioned = any("leafVersion" in item for item in items)
        header = {"format": "justculture-log-export/3" if versioned else "justculture-log-export/2",
                  "treeSize": len(items) if tree_size is None else tree_size, "checkpoint": checkpoint}
        return self.write(name, "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in [header] + items))

    def run_verifier(self, *argv):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = v.main(list(argv))
        return code, out.getvalue(), err.getvalue()

    def assert_result(self, expected_code, argv, *phrases):
        code, out, err = self.run_verifier(*argv)
        self.assertEqual(expected_code, code, out + err)
        for phrase in phrases:
            self.assertIn(phrase, out if expected_code == 0 else err)
        return out + err


# --- Tests ---------------------------------------------------------------------------------------------
class EcdsaTests(Fixture):
    def test_accepts_rfc6979_known_answer_and_refuses_other_message(self):
        point = (RFC6979_X, RFC6979_Y)
        self.assertTrue(v.ecdsa_verify(point, b"sample", der_signature(RFC6979_R, RFC6979_S)))
        self.assertFalse(v.ecdsa_verify(point, b"test", der_signature(RFC6979_R, RFC6979_S)))

    def test_accepts_openssl_signature_and_refuses_tampered_ones(self):
        key = v.read_public_key(self.log_key.public)
        self.assertEqual(self.log_key.der, key.der)
        signature = self.log_key.sign(b"a checkpoint")
        self.assertTrue(v.ecdsa_verify(key.point, b"a checkpoint", signature))
        self.assertFalse(v.ecdsa_verify(key.point, b"a checkpoinT", signature))
        tampered = bytearray(signature)
        tampered[-1] ^= 1
        self.assertFalse(v.ecdsa_verify(key.point, b"a checkpoint", bytes(tampered)))
        other = v.read_public_key(self.other_key.public)
        self.assertFalse(v.ecdsa_verify(other.point, b"a checkpoint", signature))

    def test_refuses_r_or_s_outside_1_to_n_minus_1(self):
        point = (RFC6979_X, RFC6979_Y)
        for r, s in ((0, RFC6979_S), (RFC6979_R, 0), (RFC6979_R + v.N, RFC6979_S), (RFC6979_R, RFC6979_S + v.N)):
            self.assertFalse(v.ecdsa_verify(point, b"sample", der_signature(r, s)))

    def test_refuses_malformed_der_signature(self):
        good = der_signature(RFC6979_R, RFC6979_S)
        for bad in (good + b"\x00", good[:-1], b"\x31" + good[1:], b""):
            self.assertFalse(v.ecdsa_verify((RFC6979_X, RFC6979_Y), b"sample", bad))

    def test_refuses_public_key_off_the_curve_or_on_another_curve(self):
        off_curve = bytearray(self.log_key.der)
        off_curve[-1] ^= 1
        with self.assertRaisesRegex(ValueError, "not on the P-256 curve"):
            v.parse_p256_spki(bytes(off_curve))
        other_algorithm = self.log_key.der.replace(bytes.fromhex("2a8648ce3d0201"), bytes.fromhex("2a8648ce3d0202"))
        with self.assertRaisesRegex(ValueError, "not an id-ecPublicKey key on prime256v1"):
            v.parse_p256_spki(other_algorithm)
        p384 = Key(self.folder, "p384", curve="secp384r1")
        with self.assertRaisesRegex(v.BadInput, "p384.pub.pem line 2: not an ECDSA P-256 public key"):
            v.read_public_key(p384.public)


class MerkleKnownAnswerTests(unittest.TestCase):
    def test_roots_of_sizes_0_to_8_match_rfc6962_vectors(self):
        leaves = [v.leaf_hash(x) for x in CT_LEAVES]
        for size, root in enumerate(CT_ROOTS):
            self.assertEqual(root.hex(), v.merkle_root(leaves[:size]).hex(), "size %d" % size)

    def test_inclusion_vectors_verify_and_fail_when_a_byte_changes(self):
        leaves = [v.leaf_hash(x) for x in CT_LEAVES]
        for index, size, path in CT_INCLUSION:
            path = [h(x) for x in path]
            self.assertEqual(path, inclusion_path(index, leaves[:size]))  # the test helper agrees with them
            self.assertEqual(CT_ROOTS[size], v.root_from_inclusion_path(index, size, leaves[index], path))
            broken = [bytes([path[0][0] ^ 1]) + path[0][1:]] + path[1:]
            self.assertNotEqual(CT_ROOTS[size], v.root_from_inclusion_path(index, size, leaves[index], broken))
            with self.assertRaises(v.Failed):
                v.root_from_inclusion_path(index, size, leaves[index], path[:-1])

    def test_consistency_vectors_verify_and_fail_when_a_byte_changes(self):
        leaves = [v.leaf_hash(x) for x in CT_LEAVES]
        for old, new, path in CT_CONSISTENCY:
            path = [h(x) for x in path]
            self.assertEqual(path, consistency_path(old, leaves[:new]))
            v.verify_consistency(old, new, CT_ROOTS[old], CT_ROOTS[new], path)
            broken = path[:-1] + [path[-1][:-1] + bytes([path[-1][-1] ^ 1])]
            with self.assertRaises(v.Failed):
                v.verify_consistency(old, new, CT_ROOTS[old], CT_ROOTS[new], broken)
            with self.assertRaises(v.Failed):
                v.verify_consistency(old, new, CT_ROOTS[old - 1], CT_ROOTS[new], path)

    def test_consistency_edge_cases(self):
        v.verify_consistency(0, 5, CT_ROOTS[0], CT_ROOTS[5], [])
        v.verify_consistency(5, 5, CT_ROOTS[5], CT_ROOTS[5], [])
        for old, new, root1, root2 in ((5, 5, CT_ROOTS[5], CT_ROOTS[4]), (6, 5, CT_ROOTS[6], CT_ROOTS[5])):
            with self.assertRaises(v.Failed):
                v.verify_consistency(old, new, root1, root2, [])


class LeafEncodingTests(unittest.TestCase):
    def test_encodes_entry_as_worked_out_by_hand(self):
        self.assertEqual(KNOWN_LEAF_DATA, v.leaf_data(KNOWN_ENTRY, "test", False).hex())

    def test_null_and_empty_text_encode_differently(self):
        empty = dict(KNOWN_ENTRY, answer="")
        self.assertNotEqual(v.leaf_data(KNOWN_ENTRY, "test", False), v.leaf_data(empty, "test", False))

    def test_refuses_fields_not_in_their_text_form(self):
        for key, value in (("concernId", "3F2504E0-4F89-41D3-9A0C-0305E82C3301"), ("entryId", "7"),
                           ("occurredAtUtc", "2027-01-15T14:05:00Z"), ("actorId", None), ("definitionVersion", -1)):
            with self.assertRaisesRegex(v.BadInput, "field '%s'" % key):
                v.leaf_data(dict(KNOWN_ENTRY, **{key: value}), "test", False)


class ExportTests(Fixture):
    def test_valid_export_passes_with_a_summary(self):
        items = entries(5)
        root = v.merkle_root(hashes_of(items)).hex()
        self.assert_result(0, ["export", self.export(items), "--public-key", self.log_key.public],
                           "verified: %s, 5 entries, root %s" % (ORIGIN, root), "15 January 2027 at 08:00:00 UTC")

    def test_empty_export_passes(self):
        self.assert_result(0, ["export", self.export([]), "--public-key", self.log_key.public], "0 entries")

    def test_export_cut_by_one_line_fails(self):
        path = self.export(entries(5))
        with open(path) as f:
            lines = f.readlines()
        self.write("export.jsonl", "".join(lines[:-1]))
        self.assert_result(1, ["export", path, "--public-key", self.log_key.public],
                           "has 4 entries but its signed checkpoint covers 5")

    def test_export_with_an_edited_field_fails(self):
        path = self.export(entries(5))
        with open(path, encoding="utf-8") as f:
            content = f.read()
        self.write("export.jsonl", content.replace('"reason 3"', '"reason 4"'))
        self.assert_result(1, ["export", path, "--public-key", self.log_key.public], "an entry was changed")

    def test_export_with_two_lines_swapped_fails_naming_the_line(self):
        items = entries(5)
        checkpoint = note(self.log_key, 5, v.merkle_root(hashes_of(items)))
        items[1], items[2] = items[2], items[1]
        path = self.export(items, checkpoint)
        self.assert_result(1, ["export", path, "--public-key", self.log_key.public],
                           "line 3: entry with sequence 3 where sequence 2 belongs")

    def test_checkpoint_signed_by_another_key_fails(self):
        items = entries(3)
        path = self.export(items, note(self.other_key, 3, v.merkle_root(hashes_of(items))))
        self.assert_result(1, ["export", path, "--public-key", self.log_key.public],
                           "line 1, checkpoint: the checkpoint is not signed by the log key")

    def test_checkpoint_with_altered_text_fails(self):
        items = entries(3)
        forged = note(self.log_key, 3, v.merkle_root(hashes_of(items)), time=T0).replace(
            "time %d" % T0, "time %d" % (T0 + 1))
        self.assert_result(1, ["export", self.export(items, forged), "--public-key", self.log_key.public],
                           "signature does not verify")

    def test_export_behind_a_kept_checkpoint_fails_as_rolled_back(self):
        items = entries(6)
        kept = self.write("kept.txt", note(self.log_key, 6, v.merkle_root(hashes_of(items))))
        path = self.export(items[:4])
        self.assert_result(1, ["export", path, "--public-key", self.log_key.public, "--checkpoint", kept],
                           "kept.txt: rolled back: the export has 4 entries", "already covered 6")

    def test_export_diverging_from_a_kept_checkpoint_fails_as_rewritten(self):
        kept = self.write("kept.txt", note(self.log_key, 3, v.merkle_root(hashes_of(entries(3)))))
        rewritten = entries(5, changed_text=" (edited)")  # re-signed with the log key: only kept copies show it
        self.assert_result(1, ["export", self.export(rewritten), "--public-key", self.log_key.public,
                               "--checkpoint", kept], "kept.txt: rewritten: the export's first 3 entries",
                           "an entry from sequence 1 to 3 was changed")

    def test_rewrite_is_narrowed_to_the_entries_after_the_last_agreeing_kept_checkpoint(self):
        original = entries(6)
        kept = [self.write("kept%d.txt" % n, note(self.log_key, n, v.merkle_root(hashes_of(original[:n]))))
                for n in (5, 2)]
        rewritten = [dict(e, answer="Yes") if e["sequence"] == 4 else e for e in original]
        self.assert_result(1, ["export", self.export(rewritten), "--public-key", self.log_key.public,
                               "--checkpoint", kept[0], "--checkpoint", kept[1]],
                           "kept5.txt: rewritten", "an entry from sequence 3 to 5 was changed")

    def test_export_extending_kept_checkpoints_passes(self):
        items = entries(7)
        kept = [self.write("kept%d.txt" % n, note(self.log_key, n, v.merkle_root(hashes_of(items[:n]))))
                for n in (0, 1, 4, 7)]
        argv = ["export", self.export(items), "--public-key", self.log_key.public]
        for path in kept:
            argv += ["--checkpoint", path]
        self.assert_result(0, argv, "consistent with 4 kept checkpoints")

    def test_kept_checkpoint_signed_by_another_key_fails(self):
        items = entries(3)
        kept = self.write("kept.txt", note(self.other_key, 3, v.merkle_root(hashes_of(items))))
        self.assert_result(1, ["export", self.export(items), "--public-key", self.log_key.public,
                               "--checkpoint", kept], "kept.txt: the checkpoint is not signed by the log key")

    def test_witness_cosignature_is_required_when_asked_for(self):
        items = entries(4)
        root = v.merkle_root(hashes_of(items))
        cosigned = self.export(items, note(self.log_key, 4, root, witnesses=[("w1", self.witness, T0 + 60)]))
        witness = "w1=" + self.witness.public
        self.assert_result(0, ["export", cosigned, "--public-key", self.log_key.public, "--witness", witness],
                           "cosigned by w1 at 15 January 2027 at 08:01:00 UTC")
        uncosigned = self.export(items, name="plain.jsonl")
        self.assert_result(1, ["export", uncosigned, "--public-key", self.log_key.public, "--witness", witness],
                           "no cosignature from witness w1")
        by_other = self.export(items, note(self.log_key, 4, root, witnesses=[("w1", self.other_witness, T0)]))
        self.assert_result(1, ["export", by_other, "--public-key", self.log_key.public, "--witness", witness],
                           "no cosignature from witness w1")

    def test_cosignature_over_another_time_fails(self):
        items = entries(2)
        good = note(self.log_key, 2, v.merkle_root(hashes_of(items)), witnesses=[("w1", self.witness, T0)])
        prefix, line = good.rstrip("\n").rsplit("\n", 1)
        blob = bytearray(base64.b64decode(line.split(" ")[2]))
        blob[11] ^= 1  # the cosignature's timestamp, no longer the one it signed
        forged = prefix + "\n\u2014 w1 " + b64(bytes(blob)) + "\n"
        self.assert_result(1, ["export", self.export(items, forged), "--public-key", self.log_key.public,
                               "--witness", "w1=" + self.witness.public], "w1's cosignature does not verify")

    def test_malformed_header_is_bad_input_naming_line_1(self):
        path = self.write("export.jsonl", '{"format":"justculture-log-export/2","treeSize":0}\n')
        self.assert_result(2, ["export", path, "--public-key", self.log_key.public],
                           "export.jsonl line 1: the document must have exactly the keys", "(missing checkpoint)")
        path = self.write("export.jsonl", "not json\n")
        self.assert_result(2, ["export", path, "--public-key", self.log_key.public],
                           "export.jsonl line 1: not valid JSON")

    def test_malformed_checkpoint_in_header_is_bad_input_naming_its_line(self):
        items = entries(1)
        broken = note(self.log_key, 1, v.merkle_root(hashes_of(items))).replace("\n1\n", "\none\n", 1)
        self.assert_result(2, ["export", self.export(items, broken), "--public-key", self.log_key.public],
                           "export.jsonl line 1, checkpoint line 2: the tree size must be decimal digits")

    def test_malformed_kept_checkpoint_is_bad_input_naming_file_and_line(self):
        items = entries(2)
        good = note(self.log_key, 2, v.merkle_root(hashes_of(items)))
        export = self.export(items)
        for broken, phrase in ((good.replace("\u2014 ", "- "), "kept.txt line 6: expected"),
                               (good.replace("\n", "\r\n"), "kept.txt: has carriage returns"),
                               (good.replace("time ", "when "), "kept.txt line 4: expected 'time <Unix seconds>'")):
            kept = self.write("kept.txt", broken)
            self.assert_result(2, ["export", export, "--public-key", self.log_key.public, "--checkpoint", kept],
                               phrase)

    def test_malformed_entry_line_is_bad_input_naming_the_line(self):
        path = self.export(entries(3))
        with open(path, encoding="utf-8") as f:
            lines = f.readlines()
        lines[2] = lines[2][:20] + "\n"
        self.write("export.jsonl", "".join(lines))
        self.assert_result(2, ["export", path, "--public-key", self.log_key.public],
                           "export.jsonl line 3: not valid JSON")
        lines[2] = json.dumps(dict(entries(2)[1], extra=1)) + "\n"
        self.write("export.jsonl", "".join(lines))
        self.assert_result(2, ["export", path, "--public-key", self.log_key.public],
                           "export.jsonl line 3: an entry must have exactly the keys", "(unexpected extra)")

    def test_entry_with_a_key_given_twice_is_bad_input(self):
        path = self.export(entries(2))
        with open(path, encoding="utf-8") as f:
            lines = f.readlines()
        lines[2] = lines[2].replace('"answer": null', '"answer": null, "answer": "Yes"')
        self.write("export.jsonl", "".join(lines))
        self.assert_result(2, ["export", path, "--public-key", self.log_key.public],
                           "export.jsonl line 3: a key appears twice")

    def test_kept_checkpoint_of_another_log_fails(self):
        items = entries(2)
        root = v.merkle_root(hashes_of(items))
        kept = self.write("kept.txt", note(self.log_key, 2, root, origin="other.example/log"))
        self.assert_result(1, ["export", self.export(items), "--public-key", self.log_key.public,
                               "--checkpoint", kept], "kept.txt: this checkpoint is for log 'other.example/log'")

    def test_malformed_or_missing_pem_is_bad_input_naming_file_and_line(self):
        path = self.export(entries(1))
        with open(self.log_key.public) as f:
            pem = f.read().split("\n")
        pem[2] = pem[2][:10] + "!" + pem[2][11:]
        bad = self.write("bad.pub.pem", "\n".join(pem))
        self.assert_result(2, ["export", path, "--public-key", bad], "bad.pub.pem line 3: not base64")
        self.assert_result(2, ["export", path, "--public-key", self.log_key.private],
                           "log.pem line 1: a private key: give the public key")
        self.assert_result(2, ["export", path, "--public-key", os.path.join(self.folder, "missing.pem")],
                           "missing.pem: cannot read the file")


class SealedFieldsTests(Fixture):
    """docs/log-format.md §1.4: leaf version 2 hashes the stored (sealed) text after the byte 0x02; opened is ignored."""

    def test_version_two_leaf_data_is_version_one_with_its_first_byte_two(self):
        versioned = dict(KNOWN_ENTRY, leafVersion=2, opened=None)
        self.assertEqual("02" + KNOWN_LEAF_DATA[2:], v.leaf_data(versioned, "test", True).hex())
        self.assertEqual(KNOWN_LEAF_DATA, v.leaf_data(dict(versioned, leafVersion=1), "test", True).hex())

    def test_refuses_unknown_leaf_version_and_missing_keys(self):
        for bad in (0, 3, "2", None):
            with self.assertRaises(v.BadInput):
                v.leaf_data(dict(KNOWN_ENTRY, leafVersion=bad, opened=None), "test", True)
        with self.assertRaises(v.BadInput):
            v.leaf_data(dict(KNOWN_ENTRY, leafVersion=2), "test", True)  # no opened
        with self.assertRaises(v.BadInput):
            v.leaf_data(dict(KNOWN_ENTRY, leafVersion=2, opened=None), "test", False)  # /2 has no such keys

    def test_export_three_verifies_whatever_opened_says_but_not_a_changed_sealed_field(self):
        items = sealed_entries(5)
        checkpoint = note(self.log_key, 5, v.merkle_root(hashes_of(items)))
        self.assert_result(0, ["export", self.export(items), "--public-key", self.log_key.public],
                           "verified: ", "5 entries")
        # The key erased: opened gone from every entry, nothing hashed changed, the same signed checkpoint holds.
        erased = [dict(item, opened=None) for item in items]
        self.assert_result(0, ["export", self.export(erased, checkpoint=checkpoint), "--public-key",
                               self.log_key.public], "5 entries")
        changed = [dict(item) for item in items]
        changed[2]["rationale"] = changed[2]["rationale"][:-3] + "AAA="
        self.assert_result(1, ["export", self.export(changed, checkpoint=checkpoint), "--public-key",
                               self.log_key.public], "NOT VERIFIED")

    def test_export_mixing_both_versions_verifies(self):
        items = entries(3) + sealed_entries(6)[3:]
        items[:3] = [dict(item, leafVersion=1, opened={"subjectStaffRef": item["subjectStaffRef"],
                     "rationale": item["rationale"], "informalNotAppropriate": item["informalNotAppropriate"]})
                     for item in items[:3]]
        self.assert_result(0, ["export", self.export(items), "--public-key", self.log_key.public], "6 entries")


class ProofTests(Fixture):
    def make_proof(self, items, sequence):
        leaves = hashes_of(items)
        versioned = "leafVersion" in items[sequence - 1]
        return {"format": "justculture-inclusion-proof/2" if versioned else "justculture-inclusion-proof/1", "sequence": sequence, "leafIndex": sequence - 1,
                "treeSize": len(items), "entry": items[sequence - 1], "leafHash": b64(leaves[sequence - 1]),
                "path": [b64(p) for p in inclusion_path(sequence - 1, leaves)],
                "checkpoint": note(self.log_key, len(items), v.merkle_root(leaves))}

    def check(self, proof, expected_code, *phrases):
        path = self.write("proof.json", json.dumps(proof, indent=2))
        return self.assert_result(expected_code, ["proof", path, "--public-key", self.log_key.public], *phrases)

    def test_version_two_proof_passes_with_opened_ignored_and_fails_with_sealed_text_changed(self):
        items = sealed_entries(6)
        proof = self.make_proof(items, 4)
        self.assertEqual("justculture-inclusion-proof/2", proof["format"])
        self.check(proof, 0, "verified: entry 4")
        self.check(dict(proof, entry=dict(proof["entry"], opened=None)), 0, "verified: entry 4")
        self.check(dict(proof, entry=dict(proof["entry"], leafVersion=1)), 1, "does not hash to leafHash")

    def test_valid_proof_passes_naming_the_entry(self):
        items = entries(7)
        for sequence in (1, 4, 7):
            self.check(self.make_proof(items, sequence), 0,
                       "verified: entry %d (%s, occurred 2027-01-15T14:05:00.000000Z)"
                       % (sequence, items[sequence - 1]["eventType"]), "at 7 entries")

    def test_withheld_entry_proves_its_leaf_hash_and_fails_when_the_hash_changes(self):
        proof = self.make_proof(entries(7), 5)
        proof["entry"] = None
        self.check(proof, 0, "verified: entry 5 (withheld from this proof; leaf hash", "at 7 entries")
        raw = bytearray(base64.b64decode(proof["leafHash"]))
        raw[0] ^= 1
        proof["leafHash"] = b64(bytes(raw))
        self.check(proof, 1, "the path from entry 5 leads to root")

    def test_fails_when_one_byte_of_the_entry_changes(self):
        proof = self.make_proof(entries(7), 3)
        proof["entry"]["answer"] = "Na"
        self.check(proof, 1, "does not hash to leafHash")

    def test_fails_when_one_byte_of_the_path_changes(self):
        proof = self.make_proof(entries(7), 3)
        raw = bytearray(base64.b64decode(proof["path"][1]))
        raw[0] ^= 1
        proof["path"][1] = b64(bytes(raw))
        self.check(proof, 1, "the path from entry 3 leads to root")

    def test_fails_when_one_byte_of_the_signed_root_changes(self):
        proof = self.make_proof(entries(7), 3)
        text_root = proof["checkpoint"].split("\n")[2]
        raw = bytearray(base64.b64decode(text_root))
        raw[5] ^= 1
        proof["checkpoint"] = proof["checkpoint"].replace(text_root, b64(bytes(raw)))
        self.check(proof, 1, "signature does not verify")

    def test_fails_when_sequence_and_leaf_index_disagree(self):
        proof = self.make_proof(entries(7), 3)
        proof["leafIndex"] = 3
        self.check(proof, 1, "disagree")

    def test_fails_when_tree_size_is_not_the_checkpoint_size(self):
        proof = self.make_proof(entries(7), 3)
        proof["treeSize"] = 8
        self.check(proof, 1, "treeSize 8 but the checkpoint covers 7 entries")

    def test_non_canonical_base64_is_bad_input(self):
        proof = self.make_proof(entries(2), 1)
        canonical = proof["leafHash"]  # 32 bytes: 43 characters and "=", whose last character holds 2 spare bits
        last = canonical[42]
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
        proof["leafHash"] = canonical[:42] + alphabet[alphabet.index(last) ^ 1] + "="
        self.assertEqual(base64.b64decode(canonical), base64.b64decode(proof["leafHash"]))
        self.check(proof, 2, "proof.json: leafHash is not a base64 SHA-256 hash")

    def test_malformed_proof_is_bad_input(self):
        proof = self.make_proof(entries(2), 1)
        proof["path"] = ["not base64"]
        self.check(proof, 2, "proof.json: path[0] is not a base64 SHA-256 hash")


class ConsistencyTests(Fixture):
    def check(self, old_size, new_size, expected_code, *phrases, tamper=None, old_items=None, new_key=None):
        items = entries(new_size)
        leaves = hashes_of(items)
        old_leaves = hashes_of(old_items) if old_items else leaves[:old_size]
        proof = {"format": "justculture-consistency-proof/1",
                 "oldSize": old_size, "oldRoot": b64(v.merkle_root(old_leaves)),
                 "newSize": new_size, "newRoot": b64(v.merkle_root(leaves)),
                 "path": [b64(p) for p in consistency_path(old_size, leaves)] if 0 < old_size < new_size else []}
        if tamper:
            tamper(proof)
        old = self.write("old.txt", note(self.log_key, old_size, v.merkle_root(old_leaves)))
        new = self.write("new.txt", note(new_key or self.log_key, new_size, v.merkle_root(leaves), time=T0 + 3600))
        path = self.write("consistency.json", json.dumps(proof))
        return self.assert_result(expected_code, ["consistency", path, "--public-key", self.log_key.public,
                                                  "--old", old, "--new", new], *phrases)

    def test_valid_proofs_pass(self):
        for old_size, new_size in ((1, 2), (4, 9), (6, 7), (5, 13), (0, 3), (8, 8)):
            self.check(old_size, new_size, 0, "only grew, from %d to %d entries" % (old_size, new_size))

    def test_fails_when_one_byte_of_the_path_changes(self):
        def flip(proof):
            raw = bytearray(base64.b64decode(proof["path"][0]))
            raw[31] ^= 1
            proof["path"][0] = b64(bytes(raw))
        self.check(5, 13, 1, "NOT VERIFIED", tamper=flip)

    def test_fails_when_the_old_history_was_rewritten(self):
        self.check(5, 13, 1, "consistency.json: the path does not lead to the old checkpoint's root",
                   old_items=entries(5, changed_text="x"))

    def test_fails_when_the_new_checkpoint_is_signed_by_another_key(self):
        self.check(5, 13, 1, "new.txt: the checkpoint is not signed by the log key", new_key=self.other_key)

    def test_fails_when_the_proof_is_for_other_checkpoints(self):
        def other_size(proof):
            proof["oldSize"] = 4
        self.check(5, 13, 1, "old.txt: the proof's oldSize/oldRoot are not this checkpoint's", tamper=other_size)


class CommandLineTests(Fixture):
    def test_script_exit_codes(self):
        script = os.path.join(HERE, "verify_log.py")
        good = self.export(entries(2))
        for argv, code in ((["export", good], 0), (["export", good + ".missing"], 2)):
            result = subprocess.run([sys.executable, script] + argv + ["--public-key", self.log_key.public],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            self.assertEqual(code, result.returncode, result.stderr)
        result = subprocess.run([sys.executable, script, "export", good, "--public-key", self.other_key.public],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.assertEqual(1, result.returncode)
        self.assertIn(b"NOT VERIFIED", result.stderr)


if __name__ == "__main__":
    unittest.main()
