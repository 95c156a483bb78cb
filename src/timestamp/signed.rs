//! The time-stamp token's CMS signature: the certificate that made it, the signed
//! attributes that bind the `TSTInfo`, and the way from that certificate to a trusted one.

use std::time::Duration;

use cms::cert::CertificateChoices;
use cms::signed_data::{SignedData, SignerIdentifier, SignerInfo};
use der::asn1::{ObjectIdentifier, OctetString};
use der::{Any, Encode};
use sha2::Digest as _;
use x509_cert::Certificate;
use x509_cert::ext::pkix::{BasicConstraints, ExtendedKeyUsage, SubjectKeyIdentifier};
use x509_cert::spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};

use super::{SHA256, TST_INFO};
use crate::i18n::t;

/// How many certificates may stand between the authority's and a trusted one.
const MAX_CHAIN: usize = 8;

const SHA384: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.2");
const SHA512: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.3");
const CONTENT_TYPE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.3");
const MESSAGE_DIGEST: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.4");
const RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
const SHA256_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.11");
const SHA384_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.12");
const SHA512_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.13");
const EC_KEY: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
const P256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");
const ECDSA_SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2");
const ECDSA_SHA384: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.3");
const ECDSA_SHA512: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.4");
const TIME_STAMPING: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.3.8");

/// The certificates the token carries.
pub(super) fn pool(signed: &SignedData) -> Vec<Certificate> {
    signed
        .certificates
        .iter()
        .flat_map(|set| set.0.iter())
        .filter_map(|choice| match choice {
            CertificateChoices::Certificate(certificate) => Some(certificate.clone()),
            CertificateChoices::Other(_) => None,
        })
        .collect()
}

/// The certificate that signed the token, once its signature over the signed attributes
/// holds, the attributes bind the `TSTInfo`, and it is a time-stamping certificate valid at
/// `at`.
pub(super) fn signer(signed: &SignedData, at: Duration) -> Result<Certificate, String> {
    let mut signers = signed.signer_infos.0.iter();
    let (Some(info), None) = (signers.next(), signers.next()) else {
        return Err(t!("timestamp.not-a-token"));
    };
    let certificates = pool(signed);
    let certificate = certificates
        .iter()
        .find(|certificate| identifies(&info.sid, certificate))
        .ok_or_else(|| t!("timestamp.no-certificate"))?;
    let content = signed
        .encap_content_info
        .econtent
        .as_ref()
        .map(Any::value)
        .unwrap_or_default();
    attributes_bind(info, content)?;
    let attributes = info
        .signed_attrs
        .as_ref()
        .and_then(|attributes| attributes.to_der().ok())
        .ok_or_else(|| t!("timestamp.attributes"))?;
    verify_signature(
        &certificate.tbs_certificate.subject_public_key_info,
        &info.signature_algorithm,
        Some(info.digest_alg.oid),
        &attributes,
        info.signature.as_bytes(),
    )
    .map_err(|()| t!("timestamp.bad-signature"))?;
    let usage = certificate
        .tbs_certificate
        .get::<ExtendedKeyUsage>()
        .ok()
        .flatten();
    if !usage.is_some_and(|(_, usage)| usage.0.contains(&TIME_STAMPING)) {
        return Err(t!(
            "timestamp.not-for-timestamping",
            authority = certificate.tbs_certificate.subject
        ));
    }
    if !valid_at(certificate, at) {
        return Err(t!(
            "timestamp.expired",
            authority = certificate.tbs_certificate.subject
        ));
    }
    Ok(certificate.clone())
}

/// Whether the signed attributes say the content is a `TSTInfo` whose digest is
/// `content`'s.
fn attributes_bind(info: &SignerInfo, content: &[u8]) -> Result<(), String> {
    let bad = || t!("timestamp.attributes");
    let attributes = info.signed_attrs.as_ref().ok_or_else(bad)?;
    let only = |oid: ObjectIdentifier| {
        let mut found = attributes.iter().filter(|a| a.oid == oid);
        match (found.next(), found.next()) {
            (Some(attribute), None) if attribute.values.len() == 1 => attribute.values.get(0),
            _ => None,
        }
    };
    let content_type = only(CONTENT_TYPE)
        .and_then(|value| value.decode_as::<ObjectIdentifier>().ok())
        .ok_or_else(bad)?;
    let digest = only(MESSAGE_DIGEST)
        .and_then(|value| value.decode_as::<OctetString>().ok())
        .ok_or_else(bad)?;
    let expected = hash(info.digest_alg.oid, content).ok_or_else(bad)?;
    if content_type != TST_INFO || digest.as_bytes() != expected.as_slice() {
        return Err(bad());
    }
    Ok(())
}

/// Whether the signer identifier names `certificate`.
fn identifies(sid: &SignerIdentifier, certificate: &Certificate) -> bool {
    let tbs = &certificate.tbs_certificate;
    match sid {
        SignerIdentifier::IssuerAndSerialNumber(id) => {
            tbs.issuer == id.issuer && tbs.serial_number == id.serial_number
        }
        SignerIdentifier::SubjectKeyIdentifier(id) => tbs
            .get::<SubjectKeyIdentifier>()
            .ok()
            .flatten()
            .is_some_and(|(_, own)| own == *id),
    }
}

/// Whether `certificate` is within its validity at `at` (since the Unix epoch).
fn valid_at(certificate: &Certificate, at: Duration) -> bool {
    let validity = &certificate.tbs_certificate.validity;
    validity.not_before.to_unix_duration() <= at && at <= validity.not_after.to_unix_duration()
}

/// Whether `certificate` is one of `trusted`, or issued by one, directly or through
/// authority certificates from `pool` valid at `at`.
pub(super) fn chains(
    certificate: &Certificate,
    pool: &[Certificate],
    trusted: &[Certificate],
    at: Duration,
) -> bool {
    let mut current = certificate.clone();
    for _ in 0..MAX_CHAIN {
        if trusted.contains(&current) || trusted.iter().any(|t| issued_by(&current, t)) {
            return true;
        }
        let Some(next) = pool.iter().find(|candidate| {
            **candidate != current
                && is_authority(candidate)
                && valid_at(candidate, at)
                && issued_by(&current, candidate)
        }) else {
            return false;
        };
        current = next.clone();
    }
    false
}

/// Whether `certificate` may issue certificates (basic constraints with `cA`).
fn is_authority(certificate: &Certificate) -> bool {
    certificate
        .tbs_certificate
        .get::<BasicConstraints>()
        .ok()
        .flatten()
        .is_some_and(|(_, constraints)| constraints.ca)
}

/// Whether `certificate` names `issuer` as its issuer and `issuer`'s key signed it.
fn issued_by(certificate: &Certificate, issuer: &Certificate) -> bool {
    certificate.tbs_certificate.issuer == issuer.tbs_certificate.subject
        && certificate.tbs_certificate.to_der().is_ok_and(|tbs| {
            verify_signature(
                &issuer.tbs_certificate.subject_public_key_info,
                &certificate.signature_algorithm,
                None,
                &tbs,
                certificate.signature.raw_bytes(),
            )
            .is_ok()
        })
}

/// The digest of `bytes` by the algorithm `oid` (SHA-256, -384 or -512).
fn hash(oid: ObjectIdentifier, bytes: &[u8]) -> Option<Vec<u8>> {
    match oid {
        SHA256 => Some(sha2::Sha256::digest(bytes).to_vec()),
        SHA384 => Some(sha2::Sha384::digest(bytes).to_vec()),
        SHA512 => Some(sha2::Sha512::digest(bytes).to_vec()),
        _ => None,
    }
}

/// Checks `signature` over `message` by `key`, with the signature algorithm `algorithm`
/// (for CMS, plain `rsaEncryption` takes its digest from `digest`): RSA PKCS #1 v1.5 or
/// ECDSA on P-256, with SHA-256, -384 or -512.
fn verify_signature(
    key: &SubjectPublicKeyInfoOwned,
    algorithm: &AlgorithmIdentifierOwned,
    digest: Option<ObjectIdentifier>,
    message: &[u8],
    signature: &[u8],
) -> Result<(), ()> {
    use p256::ecdsa::signature::hazmat::PrehashVerifier as _;
    use rsa::pkcs1::DecodeRsaPublicKey as _;
    let (rsa, digest) = match algorithm.oid {
        RSA => (true, digest.ok_or(())?),
        SHA256_RSA => (true, SHA256),
        SHA384_RSA => (true, SHA384),
        SHA512_RSA => (true, SHA512),
        ECDSA_SHA256 => (false, SHA256),
        ECDSA_SHA384 => (false, SHA384),
        ECDSA_SHA512 => (false, SHA512),
        _ => return Err(()),
    };
    let hashed = hash(digest, message).ok_or(())?;
    let raw = key.subject_public_key.as_bytes().ok_or(())?;
    if rsa {
        if key.algorithm.oid != RSA {
            return Err(());
        }
        let scheme = match digest {
            SHA256 => rsa::Pkcs1v15Sign::new::<rsa::sha2::Sha256>(),
            SHA384 => rsa::Pkcs1v15Sign::new::<rsa::sha2::Sha384>(),
            _ => rsa::Pkcs1v15Sign::new::<rsa::sha2::Sha512>(),
        };
        let key = rsa::RsaPublicKey::from_pkcs1_der(raw).map_err(|_| ())?;
        key.verify(scheme, &hashed, signature).map_err(|_| ())
    } else {
        let curve = key
            .algorithm
            .parameters
            .as_ref()
            .and_then(|p| p.decode_as::<ObjectIdentifier>().ok());
        if key.algorithm.oid != EC_KEY || curve != Some(P256) {
            return Err(());
        }
        let key = p256::ecdsa::VerifyingKey::from_sec1_bytes(raw).map_err(|_| ())?;
        let signature = p256::ecdsa::Signature::from_der(signature).map_err(|_| ())?;
        key.verify_prehash(&hashed, &signature).map_err(|_| ())
    }
}
