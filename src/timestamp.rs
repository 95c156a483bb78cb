//! Trusted time: an RFC 3161 time-stamp token over a site's signature, asked of a
//! time-stamping authority by `build --sign --timestamp` and checked offline by `verify`.
//! The only user of `cms`, `x509-cert`, `x509-tsp`, `der`, `rsa` and `p256`.

use std::path::Path;
use std::time::Duration;

use cms::content_info::ContentInfo;
use cms::signed_data::SignedData;
use der::asn1::{Int, ObjectIdentifier, OctetString};
use der::{Any, Decode, Encode, Tag, Tagged};
use serde::Serialize;
use sha2::Digest as _;
use x509_cert::Certificate;
use x509_cert::ext::Extensions;
use x509_cert::ext::pkix::name::GeneralName;
use x509_tsp::{Accuracy, MessageImprint, TimeStampReq, TimeStampResp, TspVersion};

use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::i18n::t;

mod signed;

use signed::{chains, pool, signer};

/// The file beside `manifest.json.sig` that holds the authority's answer (a DER
/// `TimeStampResp`, as `openssl ts -reply` writes and `openssl ts -verify` reads).
pub const TOKEN_FILE: &str = "manifest.json.tsr";

/// The most a time-stamp answer may weigh (a token with its certificates is a few KiB).
pub const TOKEN_LIMIT: u64 = 1024 * 1024;

const SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");
const SIGNED_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.2");
const TST_INFO: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.1.4");

/// RFC 3161's `TSTInfo`, as `x509_tsp::TstInfo` but with the time read by hand: DER's
/// `GeneralizedTime` type refuses the fractions of a second some authorities give.
#[derive(der::Sequence)]
struct TstInfo {
    version: TspVersion,
    policy: ObjectIdentifier,
    message_imprint: MessageImprint,
    serial_number: Int,
    gen_time: Any,
    #[asn1(optional = "true")]
    accuracy: Option<Accuracy>,
    #[asn1(default = "Default::default")]
    ordering: bool,
    #[asn1(optional = "true")]
    nonce: Option<Int>,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT", optional = "true")]
    tsa: Option<GeneralName>,
    #[asn1(context_specific = "1", tag_mode = "IMPLICIT", optional = "true")]
    extensions: Option<Extensions>,
}

/// A `GeneralizedTime` as RFC 3161 has it: `YYYYMMDDhhmmss[.f…]Z`, in UTC; the fraction of
/// a second is dropped.
fn generalized_time(value: &Any) -> Option<jiff::Timestamp> {
    if value.tag() != Tag::GeneralizedTime {
        return None;
    }
    let text = std::str::from_utf8(value.value()).ok()?.strip_suffix('Z')?;
    let (whole, fraction) = text.split_once('.').unwrap_or((text, "0"));
    if whole.len() != 14
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || fraction.is_empty()
        || !fraction.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let number = |range: std::ops::Range<usize>| whole[range].parse::<i16>().ok();
    let time = jiff::civil::DateTime::new(
        number(0..4)?,
        i8::try_from(number(4..6)?).ok()?,
        i8::try_from(number(6..8)?).ok()?,
        i8::try_from(number(8..10)?).ok()?,
        i8::try_from(number(10..12)?).ok()?,
        i8::try_from(number(12..14)?).ok()?,
        0,
    )
    .ok()?;
    jiff::tz::Offset::UTC.to_timestamp(time).ok()
}

/// What a time-stamp says, once checked.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct TimeStamp {
    /// `valid` (over the signature, by an authority the reader trusts), `unchecked` (over
    /// the signature and signed by the certificate it carries, but no trusted authorities
    /// were given), `invalid`, or `missing` (trusted authorities were given and there is
    /// no time-stamp).
    pub state: TimeStampState,
    /// The time the authority vouches for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<jiff::Timestamp>,
    /// The authority: the subject of the certificate that signed the token.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authority: Option<String>,
    /// Why the time-stamp does not hold.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// How a time-stamp fared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TimeStampState {
    Valid,
    Unchecked,
    Invalid,
    Missing,
}

impl TimeStamp {
    /// Whether the time-stamp lets the site count as verified.
    pub fn holds(&self) -> bool {
        matches!(
            self.state,
            TimeStampState::Valid | TimeStampState::Unchecked
        )
    }

    fn failed(reason: String) -> TimeStamp {
        TimeStamp {
            state: TimeStampState::Invalid,
            time: None,
            authority: None,
            reason: Some(reason),
        }
    }
}

/// The time-stamping authorities a reader trusts: certificates read from a PEM file.
pub struct Authorities {
    certificates: Vec<Certificate>,
}

/// Reads the trusted authorities' certificates (PEM, one or more) from `path`.
pub fn authorities(path: &Path) -> Result<Authorities, Error> {
    let bytes = std::fs::read(path).map_err(|e| Error::io("io.read", path, e))?;
    match Certificate::load_pem_chain(&bytes) {
        Ok(certificates) if !certificates.is_empty() => Ok(Authorities { certificates }),
        _ => Err(Error::input(
            Diagnostic::new(
                "invalid-tsa-certs",
                t!("timestamp.bad-certs", file = path.display()),
            )
            .help(t!("timestamp.bad-certs-help")),
        )),
    }
}

/// Asks the authority at `url` for a time-stamp over `signature` (the bytes of
/// `manifest.json.sig`) and returns its answer, checked to be a granted token over those
/// bytes with the nonce asked for, signed by the certificate it carries; and what it says.
pub fn request(url: &str, signature: &[u8]) -> Result<(Vec<u8>, TimeStamp), Error> {
    let failed = |reason: String| {
        Error::input(
            Diagnostic::new(
                "timestamp-failed",
                t!("timestamp.failed", url = url, reason = reason),
            )
            .help(t!("timestamp.failed-help")),
        )
    };
    let nonce = nonce(signature);
    let query = TimeStampReq {
        version: TspVersion::V1,
        message_imprint: MessageImprint {
            hash_algorithm: x509_cert::spki::AlgorithmIdentifier {
                oid: SHA256,
                parameters: Some(Any::null()),
            },
            hashed_message: OctetString::new(sha2::Sha256::digest(signature).to_vec())
                .expect("a digest fits an octet string"),
        },
        req_policy: None,
        nonce: Some(nonce.clone()),
        cert_req: true,
        extensions: None,
    }
    .to_der()
    .expect("a time-stamp request encodes");
    let answer = crate::fetch::post(url, "application/timestamp-query", &query, TOKEN_LIMIT)
        .map_err(failed)?;
    let stamp = examine(&answer, signature, None, Some(&nonce));
    match stamp.reason.clone() {
        Some(reason) => Err(failed(reason)),
        None => Ok((answer, stamp)),
    }
}

/// `time` in Japan time and in UTC, as shown.
fn shown(time: Option<jiff::Timestamp>) -> (String, String) {
    let Some(time) = time else {
        return (String::new(), String::new());
    };
    let japan = jiff::tz::Offset::constant(9).to_datetime(time);
    (
        japan.strftime("%Y-%m-%d %H:%M:%S").to_string(),
        time.strftime("%Y-%m-%dT%H:%M:%SZ").to_string(),
    )
}

/// What `build` says of the time-stamp it received.
pub fn stamped_text(stamp: &TimeStamp) -> String {
    let (japan, utc) = shown(stamp.time);
    t!(
        "build.timestamped",
        file = TOKEN_FILE,
        authority = stamp.authority.as_deref().unwrap_or_default(),
        japan = japan,
        utc = utc
    )
}

/// What `verify` says of a time-stamp, in one line.
pub fn text(stamp: &TimeStamp) -> String {
    let (japan, utc) = shown(stamp.time);
    let authority = stamp.authority.as_deref().unwrap_or_default();
    match stamp.state {
        TimeStampState::Valid => t!(
            "verify.timestamp-valid",
            japan = japan,
            utc = utc,
            authority = authority
        ),
        TimeStampState::Unchecked => t!(
            "verify.timestamp-unchecked",
            japan = japan,
            utc = utc,
            authority = authority
        ),
        TimeStampState::Invalid => t!(
            "verify.timestamp-invalid",
            file = TOKEN_FILE,
            reason = stamp.reason.as_deref().unwrap_or_default()
        ),
        TimeStampState::Missing => t!("verify.timestamp-missing", file = TOKEN_FILE),
    }
}

/// A nonce for a request: 64 bits from the process's random hasher keys, the clock and
/// the signature, so that an old answer replayed is told apart.
fn nonce(signature: &[u8]) -> Int {
    use std::hash::{BuildHasher as _, Hasher as _};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write(signature);
    if let Ok(now) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        hasher.write_u128(now.as_nanos());
    }
    let mut bytes = hasher.finish().to_be_bytes();
    // Positive, and with no leading zero byte, as DER wants.
    bytes[0] = (bytes[0] & 0x7f) | 0x01;
    Int::new(&bytes).expect("eight bytes make an integer")
}

/// Checks `token` (the bytes of `manifest.json.tsr`, if any) over `signature` (the bytes
/// of `manifest.json.sig`, if any), against `trusted` authorities when given.
pub fn check(
    token: Option<&[u8]>,
    signature: Option<&[u8]>,
    trusted: Option<&Authorities>,
) -> Option<TimeStamp> {
    let Some(token) = token else {
        return trusted.map(|_| TimeStamp {
            state: TimeStampState::Missing,
            time: None,
            authority: None,
            reason: None,
        });
    };
    let Some(signature) = signature else {
        return Some(TimeStamp::failed(t!("timestamp.no-signature")));
    };
    Some(examine(token, signature, trusted, None))
}

/// The token's time and authority once every check holds, or why one does not.
fn examine(
    token: &[u8],
    signature: &[u8],
    trusted: Option<&Authorities>,
    nonce: Option<&Int>,
) -> TimeStamp {
    let (info, signed) = match read(token) {
        Ok(read) => read,
        Err(reason) => return TimeStamp::failed(reason),
    };
    let Some((info, time)) = TstInfo::from_der(&info).ok().and_then(|info| {
        let time = generalized_time(&info.gen_time)?;
        Some((info, time))
    }) else {
        return TimeStamp::failed(t!("timestamp.not-a-token"));
    };
    let imprint = &info.message_imprint;
    if imprint.hash_algorithm.oid != SHA256
        || imprint.hashed_message.as_bytes() != sha2::Sha256::digest(signature).as_slice()
    {
        return TimeStamp::failed(t!("timestamp.other-bytes"));
    }
    if let Some(nonce) = nonce
        && info.nonce.as_ref() != Some(nonce)
    {
        return TimeStamp::failed(t!("timestamp.nonce"));
    }
    let Ok(at) = Duration::try_from(time.duration_since(jiff::Timestamp::UNIX_EPOCH)) else {
        return TimeStamp::failed(t!("timestamp.not-a-token"));
    };
    let time = Some(time);
    let certificate = match signer(&signed, at) {
        Ok(certificate) => certificate,
        Err(reason) => return TimeStamp::failed(reason),
    };
    let authority = certificate.tbs_certificate.subject.to_string();
    let state = match trusted {
        None => TimeStampState::Unchecked,
        Some(trusted) if chains(&certificate, &pool(&signed), &trusted.certificates, at) => {
            TimeStampState::Valid
        }
        Some(_) => {
            return TimeStamp {
                state: TimeStampState::Invalid,
                time,
                reason: Some(t!("timestamp.untrusted", authority = authority)),
                authority: Some(authority),
            };
        }
    };
    TimeStamp {
        state,
        time,
        authority: Some(authority),
        reason: None,
    }
}

/// The granted token's `TSTInfo` (DER) and its `SignedData`.
fn read(answer: &[u8]) -> Result<(Vec<u8>, SignedData), String> {
    let not_token = |_| t!("timestamp.not-a-token");
    let answer = TimeStampResp::from_der(answer).map_err(not_token)?;
    // 0 granted, 1 granted with modifications.
    let status = answer.status.status as u8;
    if status > 1 {
        let text = answer
            .status
            .status_string
            .iter()
            .flat_map(|texts| texts.iter().map(ToString::to_string))
            .collect::<Vec<_>>()
            .join(" ");
        return Err(t!("timestamp.refused", status = status, text = text));
    }
    let token: ContentInfo = answer
        .time_stamp_token
        .ok_or_else(|| t!("timestamp.not-a-token"))?;
    if token.content_type != SIGNED_DATA {
        return Err(t!("timestamp.not-a-token"));
    }
    let signed = token
        .content
        .to_der()
        .and_then(|der| SignedData::from_der(&der))
        .map_err(not_token)?;
    let content = &signed.encap_content_info;
    let info = match &content.econtent {
        Some(info) if content.econtent_type == TST_INFO && info.tag() == Tag::OctetString => {
            info.value().to_vec()
        }
        _ => return Err(t!("timestamp.not-a-token")),
    };
    Ok((info, signed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nonce_is_a_positive_minimal_integer_and_changes() {
        let (a, b) = (nonce(b"sig"), nonce(b"sig"));
        for nonce in [&a, &b] {
            let bytes = nonce.as_bytes();
            assert_eq!(bytes.len(), 8);
            assert!(bytes[0] > 0 && bytes[0] < 0x80, "{bytes:?}");
        }
        assert_ne!(a, b);
    }

    #[test]
    fn generalized_times_are_read_with_or_without_fractions() {
        let time = |text: &str| {
            generalized_time(&Any::new(Tag::GeneralizedTime, text.as_bytes()).unwrap())
                .map(|t| t.to_string())
        };
        assert_eq!(time("20261203205758Z").unwrap(), "2026-12-03T20:57:58Z");
        assert_eq!(time("20261203205758.125Z").unwrap(), "2026-12-03T20:57:58Z");
        for bad in [
            "20261203205758",
            "20261203205758.Z",
            "2026120320575Z",
            "20261303205758Z",
        ] {
            assert!(time(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn times_are_shown_in_japan_time_and_utc() {
        let time: jiff::Timestamp = "2026-03-31T15:00:00Z".parse().unwrap();
        assert_eq!(
            shown(Some(time)),
            (
                "2026-04-01 00:00:00".to_owned(),
                "2026-03-31T15:00:00Z".to_owned()
            )
        );
    }

    #[test]
    fn no_token_is_missing_only_when_authorities_are_trusted() {
        assert!(check(None, Some(b"sig"), None).is_none());
        let trusted = Authorities {
            certificates: Vec::new(),
        };
        let stamp = check(None, Some(b"sig"), Some(&trusted)).unwrap();
        assert_eq!(stamp.state, TimeStampState::Missing);
        assert!(!stamp.holds());
        let stamp = check(Some(b"\x30\x00"), Some(b"sig"), None).unwrap();
        assert_eq!(stamp.state, TimeStampState::Invalid);
    }
}
