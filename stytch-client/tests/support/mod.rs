//! A scripted HTTP/1.1 server on 127.0.0.1 for client tests: it records every request and
//! answers with raw bytes chosen by the test, or not at all.

#![allow(dead_code)]

use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// One request as the server received it.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Recorded {
    /// The first header with this (case-insensitive) name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// What the server does with a request.
#[derive(Clone)]
pub enum Reply {
    /// Writes these bytes and closes the connection.
    Raw(Vec<u8>),
    /// Accepts the request and never answers.
    Hang,
    /// Plays these steps in order, then closes the connection.
    Script(Vec<Step>),
}

/// One step of a scripted answer.
#[derive(Clone)]
pub enum Step {
    /// Writes bytes.
    Write(Vec<u8>),
    /// Pauses.
    Sleep(Duration),
    /// Resets the connection (TCP RST) instead of closing it cleanly.
    Reset,
}

impl Reply {
    /// A complete response with a JSON (or any) body.
    pub fn status(status: u16, content_type: &str, body: &str) -> Self {
        Reply::Raw(
            format!(
                "HTTP/1.1 {status} X\r\ncontent-type: {content_type}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            )
            .into_bytes(),
        )
    }

    /// A JSON response.
    pub fn json(status: u16, body: &str) -> Self {
        Self::status(status, "application/json", body)
    }
}

/// A running server; requests it received are in `requests()`.
pub struct Server {
    pub base_url: String,
    requests: Arc<Mutex<Vec<Recorded>>>,
}

impl Server {
    /// Starts a server that answers every request with `reply(request)`.
    pub async fn start(reply: impl Fn(&Recorded) -> Reply + Send + Sync + 'static) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base_url = format!("http://{}", listener.local_addr().unwrap());
        let requests = Arc::new(Mutex::new(Vec::new()));
        let reply = Arc::new(reply);
        let recorded = requests.clone();
        tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    return;
                };
                let reply = reply.clone();
                let recorded = recorded.clone();
                tokio::spawn(async move {
                    let _ = serve(stream, &*reply, &recorded).await;
                });
            }
        });
        Self { base_url, requests }
    }

    /// Every request received so far.
    pub fn requests(&self) -> Vec<Recorded> {
        self.requests.lock().unwrap().clone()
    }
}

async fn serve(
    mut stream: TcpStream,
    reply: &(dyn Fn(&Recorded) -> Reply + Send + Sync),
    recorded: &Mutex<Vec<Recorded>>,
) -> std::io::Result<()> {
    let mut buffer = Vec::new();
    let mut chunk = [0u8; 8192];
    let head_end = loop {
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            return Ok(());
        }
        buffer.extend_from_slice(&chunk[..n]);
        if let Some(pos) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            break pos + 4;
        }
    };
    let head = String::from_utf8_lossy(&buffer[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let mut request_line = lines.next().unwrap_or_default().split(' ');
    let method = request_line.next().unwrap_or_default().to_owned();
    let target = request_line.next().unwrap_or_default().to_owned();
    let headers: Vec<(String, String)> = lines
        .filter(|l| !l.is_empty())
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let length: usize = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let mut body = buffer[head_end..].to_vec();
    while body.len() < length {
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            break;
        }
        body.extend_from_slice(&chunk[..n]);
    }
    let request = Recorded {
        method,
        target,
        headers,
        body,
    };
    let answer = reply(&request);
    recorded.lock().unwrap().push(request);
    match answer {
        Reply::Raw(bytes) => {
            stream.write_all(&bytes).await?;
            stream.shutdown().await
        }
        Reply::Hang => {
            tokio::time::sleep(Duration::from_secs(3600)).await;
            Ok(())
        }
        Reply::Script(steps) => {
            for step in steps {
                match step {
                    Step::Write(bytes) => {
                        stream.write_all(&bytes).await?;
                        stream.flush().await?;
                    }
                    Step::Sleep(pause) => tokio::time::sleep(pause).await,
                    Step::Reset => {
                        stream.set_zero_linger()?;
                        drop(stream);
                        return Ok(());
                    }
                }
            }
            stream.shutdown().await
        }
    }
}

/// A listener on 127.0.0.1 that never accepts and whose accept queue is full, so the kernel
/// drops further connection attempts (SYNs) and a client's connect hangs until it gives up.
pub struct FullAcceptQueue {
    pub base_url: String,
    /// False when the kernel refuses (RST) rather than drops connections to a full queue
    /// (`net.ipv4.tcp_abort_on_overflow = 1`): tests that need a hanging connect then skip.
    pub drops_syns: bool,
    _listener: tokio::net::TcpListener,
    _queued: Vec<std::net::TcpStream>,
}

impl FullAcceptQueue {
    pub async fn start() -> Self {
        let socket = tokio::net::TcpSocket::new_v4().unwrap();
        socket.bind("127.0.0.1:0".parse().unwrap()).unwrap();
        let listener = socket.listen(0).unwrap();
        let address = listener.local_addr().unwrap();
        // Fill the queue until a connection attempt no longer completes.
        let mut queued = Vec::new();
        let mut drops_syns = false;
        while queued.len() < 16 {
            match std::net::TcpStream::connect_timeout(&address, Duration::from_millis(300)) {
                Ok(stream) => queued.push(stream),
                Err(error) => {
                    drops_syns = matches!(
                        error.kind(),
                        std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock
                    );
                    break;
                }
            }
        }
        Self {
            base_url: format!("http://{address}"),
            drops_syns,
            _listener: listener,
            _queued: queued,
        }
    }

    /// `127.0.0.1:port`.
    pub fn host(&self) -> &str {
        self.base_url.trim_start_matches("http://")
    }
}
