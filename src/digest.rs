//! SHA-256 digests, as lower-case hex.

use std::fmt::Write as _;

use sha2::{Digest as _, Sha256};

/// The SHA-256 of `bytes` in lower-case hex.
pub fn sha256(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Lower-case hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut hex, byte| {
            let _ = write!(hex, "{byte:02x}");
            hex
        })
}

/// This build of checksheet: its version, and the size and time of its program file.
pub fn build_stamp() -> Option<String> {
    let program = std::fs::metadata(std::env::current_exe().ok()?).ok()?;
    let time = program
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    Some(format!(
        "checksheet {} {} {}.{:09}",
        env!("CARGO_PKG_VERSION"),
        program.len(),
        time.as_secs(),
        time.subsec_nanos()
    ))
}
