//! A small web server on 127.0.0.1 for the tests of commands that read published sites:
//! it serves the files of a folder, and answers chosen paths with a redirect.

use std::io::{BufRead as _, BufReader, Write as _};
use std::net::TcpListener;
use std::path::PathBuf;

/// A folder served over HTTP until the test process ends.
pub struct Server {
    pub base: String,
}

/// Serves `root` at `http://127.0.0.1:<port>/`; a request for a path in `redirects` is
/// answered `302 Found` with its location.
pub fn serve(root: PathBuf, redirects: Vec<(String, String)>) -> Server {
    serving(root, redirects, None)
}

/// Serves `root` as [`serve`] does, but answers a path it does not have with the file
/// `index` (a path in `root`) and `200 OK`, as some hosts do (a "soft 404").
pub fn serve_soft(root: PathBuf, index: &str) -> Server {
    serving(root, Vec::new(), Some(index.to_owned()))
}

fn serving(root: PathBuf, redirects: Vec<(String, String)>, index: Option<String>) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}/", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request = String::new();
            if reader.read_line(&mut request).is_err() {
                continue;
            }
            // The rest of the head is not needed.
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                line.clear();
            }
            let path = request.split(' ').nth(1).unwrap_or("/").to_owned();
            let path = percent_decode(path.trim_start_matches('/'));
            let response = if let Some((_, location)) = redirects.iter().find(|(p, _)| *p == path) {
                format!(
                    "HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                )
                .into_bytes()
            } else if let Ok(bytes) = std::fs::read(root.join(&path)).or_else(|e| {
                index
                    .as_ref()
                    .map_or(Err(e), |index| std::fs::read(root.join(index)))
            }) {
                let mut head = format!(
                    "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    bytes.len()
                )
                .into_bytes();
                head.extend(bytes);
                head
            } else {
                b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_vec()
            };
            let _ = stream.write_all(&response);
        }
    });
    Server { base }
}

fn percent_decode(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = path.get(i + 1..i + 3)
            && let Ok(byte) = u8::from_str_radix(hex, 16)
        {
            out.push(byte);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
