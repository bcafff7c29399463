/**
 * Keys and primitives: Argon2id, AES-GCM field encryption, row MACs and their key files, TOTP, and
 * the canonical byte encodings (entries and log rows) that hashes and MACs are computed over.
 */
@MayUse({"platform"})
package coop.tally.crypto;

import coop.tally.platform.MayUse;
