//! Reading a published site over HTTP(S), for `verify` and `partners check`, and asking a
//! time-stamping authority, for `build --timestamp`: bounded in time and size, and never
//! following a redirect to another host. The only user of `ureq`.

use std::time::Duration;

use url::Url;

use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::i18n::t;

/// The most a `manifest.json` may weigh.
pub const MANIFEST_LIMIT: u64 = 8 * 1024 * 1024;
/// The most any other file of a site may weigh.
pub const FILE_LIMIT: u64 = 64 * 1024 * 1024;
/// How long connecting may take.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long one file may take, from connecting to its last byte, unless [`TIMEOUT_VAR`]
/// says otherwise.
const FILE_TIMEOUT: Duration = Duration::from_secs(60);
/// The environment variable that sets how long one file may take, in seconds.
pub const TIMEOUT_VAR: &str = "CHECKSHEET_FETCH_TIMEOUT";
/// How many redirects (on the same host) are followed.
const MAX_REDIRECTS: usize = 5;

/// A site on a web server: the address of the folder that holds its `manifest.json`.
pub struct Remote {
    agent: ureq::Agent,
    base: Url,
    /// How long one file may take.
    timeout: Duration,
}

/// How long one file may take: [`TIMEOUT_VAR`] seconds, or [`FILE_TIMEOUT`].
fn file_timeout() -> Result<Duration, Error> {
    let Ok(value) = std::env::var(TIMEOUT_VAR) else {
        return Ok(FILE_TIMEOUT);
    };
    value
        .trim()
        .parse::<u64>()
        .ok()
        .filter(|&seconds| seconds > 0)
        .map(Duration::from_secs)
        .ok_or_else(|| {
            refused(
                "invalid-timeout",
                t!("fetch.invalid-timeout", var = TIMEOUT_VAR, value = value),
                t!("fetch.invalid-timeout-help", var = TIMEOUT_VAR),
            )
        })
}

/// Whether `site` is an address (`https://…`, or any other `scheme://…`, which is then
/// refused) rather than a folder.
pub fn is_url(site: &str) -> bool {
    site.split_once("://").is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

fn refused(code: &'static str, message: String, help: String) -> Error {
    Error::input(Diagnostic::new(code, message).help(help))
}

impl Remote {
    /// The site at `address` (`https://example.jp/checksheet/`, with or without the final
    /// `/`, or the address of its `manifest.json`).
    pub fn new(address: &str) -> Result<Remote, Error> {
        let mut base = Url::parse(address).map_err(|e| {
            refused(
                "invalid-url",
                t!("fetch.invalid-url", url = address, reason = e),
                t!("fetch.invalid-url-help"),
            )
        })?;
        if !matches!(base.scheme(), "http" | "https") || base.host_str().is_none() {
            return Err(refused(
                "invalid-url",
                t!("fetch.invalid-url", url = address, reason = base.scheme()),
                t!("fetch.invalid-url-help"),
            ));
        }
        base.set_query(None);
        base.set_fragment(None);
        if base.path().ends_with(crate::write::SITE_MARK) {
            base = base.join(".").expect("a URL's folder is a URL");
        } else if !base.path().ends_with('/') {
            let path = format!("{}/", base.path());
            base.set_path(&path);
        }
        let timeout = file_timeout()?;
        let agent = ureq::Agent::config_builder()
            .max_redirects(0)
            .http_status_as_error(false)
            .timeout_connect(Some(CONNECT_TIMEOUT.min(timeout)))
            .timeout_global(Some(timeout))
            .user_agent(concat!("checksheet/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        Ok(Remote {
            agent,
            base,
            timeout,
        })
    }

    /// The site's address, as shown.
    pub fn address(&self) -> &str {
        self.base.as_str()
    }

    /// The address of the file `path` (with `/`) of the site, each part percent-encoded.
    fn address_of(&self, path: &str) -> Url {
        let mut url = self.base.clone();
        url.path_segments_mut()
            .expect("http(s) URLs have paths")
            .pop_if_empty()
            .extend(path.split('/'));
        url
    }

    /// The file `path` of the site, at most `limit` bytes; `None` when the server says it
    /// does not exist (404 or 410). Any other failure is an error naming the address.
    pub fn get(&self, path: &str, limit: u64) -> Result<Option<Vec<u8>>, Error> {
        let mut url = self.address_of(path);
        for _ in 0..=MAX_REDIRECTS {
            let failed = |reason: String| {
                refused(
                    "fetch-failed",
                    t!("fetch.failed", url = url.as_str(), reason = reason),
                    t!("fetch.failed-help"),
                )
            };
            let response = self
                .agent
                .get(url.as_str())
                .call()
                .map_err(|e| failed(reason(&e, limit, self.timeout)))?;
            let status = response.status().as_u16();
            match status {
                200 => {
                    return response
                        .into_body()
                        .with_config()
                        .limit(limit)
                        .read_to_vec()
                        .map(Some)
                        .map_err(|e| failed(reason(&e, limit, self.timeout)));
                }
                404 | 410 => return Ok(None),
                301 | 302 | 303 | 307 | 308 => {
                    let location = response
                        .headers()
                        .get("location")
                        .and_then(|v| v.to_str().ok())
                        .and_then(|v| url.join(v).ok())
                        .ok_or_else(|| failed(t!("fetch.bad-redirect")))?;
                    if !same_site(&url, &location) {
                        return Err(refused(
                            "redirect-off-site",
                            t!(
                                "fetch.off-site",
                                url = url.as_str(),
                                location = location.as_str()
                            ),
                            t!("fetch.off-site-help"),
                        ));
                    }
                    url = location;
                }
                _ => return Err(failed(t!("fetch.status", status = status))),
            }
        }
        Err(refused(
            "fetch-failed",
            t!(
                "fetch.failed",
                url = self.address_of(path).as_str(),
                reason = t!("fetch.too-many-redirects", count = MAX_REDIRECTS)
            ),
            t!("fetch.failed-help"),
        ))
    }
}

/// POSTs `body` of type `content_type` to `address` (`http(s)://…`) and returns the answer,
/// at most `limit` bytes; the server must answer 200 at that address (no redirect). On
/// failure, why, in the user's language.
pub fn post(address: &str, content_type: &str, body: &[u8], limit: u64) -> Result<Vec<u8>, String> {
    let url = Url::parse(address).map_err(|e| e.to_string())?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(t!("fetch.not-http", scheme = url.scheme()));
    }
    let timeout = file_timeout().map_err(|e| e.to_string())?;
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .max_redirects(0)
        .http_status_as_error(false)
        .timeout_connect(Some(CONNECT_TIMEOUT.min(timeout)))
        .timeout_global(Some(timeout))
        .user_agent(concat!("checksheet/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let response = agent
        .post(url.as_str())
        .header("Content-Type", content_type)
        .send(body)
        .map_err(|e| reason(&e, limit, timeout))?;
    let status = response.status().as_u16();
    if status != 200 {
        return Err(t!("fetch.status", status = status));
    }
    response
        .into_body()
        .with_config()
        .limit(limit)
        .read_to_vec()
        .map_err(|e| reason(&e, limit, timeout))
}

/// Whether a redirect from `from` to `to` stays on the same host and port, and never goes
/// from `https` down to `http`.
fn same_site(from: &Url, to: &Url) -> bool {
    let scheme_ok = match (from.scheme(), to.scheme()) {
        (a, b) if a == b => true,
        ("http", "https") => true,
        _ => false,
    };
    scheme_ok
        && from.host_str() == to.host_str()
        && (from.port_or_known_default() == to.port_or_known_default()
            || (from.scheme() == "http" && to.scheme() == "https" && to.port().is_none()))
}

/// Why a request failed, in the user's language.
fn reason(error: &ureq::Error, limit: u64, timeout: Duration) -> String {
    match error {
        ureq::Error::Timeout(_) => t!("fetch.timeout", seconds = timeout.as_secs()),
        ureq::Error::BodyExceedsLimit(_) => t!("fetch.too-large", mib = limit / (1024 * 1024)),
        ureq::Error::HostNotFound => t!("fetch.host-not-found"),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_address_is_the_folder_of_its_manifest() {
        for given in [
            "https://example.jp/checksheet",
            "https://example.jp/checksheet/",
            "https://example.jp/checksheet/manifest.json",
            "https://example.jp/checksheet/?x=1#top",
        ] {
            assert_eq!(
                Remote::new(given).unwrap().address(),
                "https://example.jp/checksheet/"
            );
        }
        assert!(Remote::new("ftp://example.jp/").is_err());
        assert!(Remote::new("file:///etc/").is_err());
    }

    #[test]
    fn paths_are_encoded_part_by_part() {
        let remote = Remote::new("https://example.jp/s/").unwrap();
        assert_eq!(
            remote.address_of("en/a b/index.html").as_str(),
            "https://example.jp/s/en/a%20b/index.html"
        );
        assert_eq!(
            remote.address_of("q?x#y").as_str(),
            "https://example.jp/s/q%3Fx%23y"
        );
    }

    #[test]
    fn redirects_stay_on_the_host() {
        let url = |s: &str| Url::parse(s).unwrap();
        assert!(same_site(&url("https://a.jp/x"), &url("https://a.jp/y")));
        assert!(same_site(&url("http://a.jp/x"), &url("https://a.jp/y")));
        assert!(!same_site(&url("https://a.jp/x"), &url("http://a.jp/y")));
        assert!(!same_site(&url("https://a.jp/x"), &url("https://b.jp/y")));
        assert!(!same_site(
            &url("https://a.jp/x"),
            &url("https://a.jp:8443/y")
        ));
        assert!(!same_site(
            &url("https://a.jp/x"),
            &url("file:///etc/passwd")
        ));
    }
}
