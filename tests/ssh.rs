//! The explorer over real OpenSSH: a throwaway sshd on 127.0.0.1, `ssh -tt` driving the
//! binary, then the client killed as a dropped connection would be. The explorer must exit.
//! Skipped, saying why, only where sshd cannot run here.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const DEADLINE: Duration = Duration::from_secs(15);

struct Sshd {
    child: Child,
    port: u16,
    dir: PathBuf,
}

impl Drop for Sshd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn run(cmd: &mut Command) -> bool {
    cmd.stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Starts sshd on a free port with throwaway keys, or says why it cannot.
fn start_sshd() -> Result<Sshd, String> {
    let sshd = ["/usr/sbin/sshd", "/usr/bin/sshd"]
        .into_iter()
        .find(|p| Path::new(p).exists())
        .ok_or("no sshd binary (install openssh-server)")?;
    let dir = std::env::temp_dir().join(format!("cybernorms-ssh-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    for key in ["host", "user"] {
        if !run(Command::new("ssh-keygen")
            .args(["-q", "-t", "ed25519", "-N", "", "-f"])
            .arg(dir.join(key)))
        {
            return Err("ssh-keygen failed".into());
        }
    }
    std::fs::copy(dir.join("user.pub"), dir.join("authorized_keys")).map_err(|e| e.to_string())?;
    let _ = std::fs::create_dir_all("/run/sshd");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map_err(|e| e.to_string())?
        .port();
    let config = format!(
        "Port {port}\nListenAddress 127.0.0.1\nHostKey {d}/host\nAuthorizedKeysFile {d}/authorized_keys\n\
         PidFile {d}/sshd.pid\nStrictModes no\nUsePAM no\nPasswordAuthentication no\n\
         PermitRootLogin prohibit-password\nAcceptEnv NO_COLOR\n",
        d = dir.display()
    );
    std::fs::write(dir.join("sshd_config"), config).map_err(|e| e.to_string())?;
    let child = Command::new(sshd)
        .args(["-D", "-e", "-f"])
        .arg(dir.join("sshd_config"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("sshd would not start: {e}"))?;
    let mut sshd = Sshd { child, port, dir };
    let end = Instant::now() + DEADLINE;
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        if let Ok(Some(status)) = sshd.child.try_wait() {
            return Err(format!(
                "sshd exited at once ({status}); it may need root here"
            ));
        }
        if Instant::now() > end {
            return Err("sshd did not listen".into());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    // One non-interactive login proves the key and config work.
    let probe = ssh_command(&sshd)
        .arg("true")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| e.to_string())?;
    if !probe.status.success() {
        sshd.port = 0;
        return Err(format!(
            "ssh login failed: {}",
            String::from_utf8_lossy(&probe.stderr).trim()
        ));
    }
    Ok(sshd)
}

fn ssh_command(sshd: &Sshd) -> Command {
    let mut cmd = Command::new("ssh");
    cmd.args([
        "-o",
        "StrictHostKeyChecking=no",
        "-o",
        "UserKnownHostsFile=/dev/null",
        "-o",
        "LogLevel=ERROR",
        "-o",
        "BatchMode=yes",
    ])
    .arg("-i")
    .arg(sshd.dir.join("user"))
    .args(["-p", &sshd.port.to_string(), "127.0.0.1"]);
    cmd
}

/// Whether a process whose command line contains `marker` is running.
fn running(marker: &str) -> bool {
    std::fs::read_dir("/proc").unwrap().flatten().any(|p| {
        std::fs::read(p.path().join("cmdline"))
            .is_ok_and(|c| String::from_utf8_lossy(&c).contains(marker))
    })
}

#[test]
fn explorer_over_ssh_exits_when_the_connection_drops() {
    let sshd = match start_sshd() {
        Ok(s) => s,
        Err(why) => {
            eprintln!("SKIPPED: cannot run sshd here: {why}");
            return;
        }
    };
    // A copy of the fixture under a unique name marks the remote process.
    let data = sshd.dir.join("ssh-marker-dataset.ron");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini.ron"),
        &data,
    )
    .unwrap();
    let marker = data.display().to_string();
    // The client's stdin is a pipe, so the remote terminal gets its size from stty.
    let remote = format!(
        "stty cols 80 rows 24; TERM=xterm-256color exec {} --data {}",
        env!("CARGO_BIN_EXE_cybernorms"),
        marker
    );
    let mut client = ssh_command(&sshd)
        .arg("-tt")
        .arg(remote)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = client.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = stdout.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let size = |n| std::num::NonZeroU16::new(n).unwrap();
    let mut screen = vt100::Parser::new(size(24), size(80), 0);
    let mut wait_for = |text: &str| {
        let end = Instant::now() + DEADLINE;
        while !screen.screen().contents().contains(text) {
            let left = end.saturating_duration_since(Instant::now());
            let bytes = rx.recv_timeout(left).unwrap_or_else(|_| {
                panic!(
                    "waiting for {text:?} over ssh; screen:\n{}",
                    screen.screen().contents()
                )
            });
            screen.process(&bytes);
        }
    };
    wait_for("Incidents (2)");
    let stdin = client.stdin.as_mut().unwrap();
    stdin.write_all(b"/solar").unwrap();
    stdin.flush().unwrap();
    wait_for("Incidents (1)");
    stdin.write_all(b"\r\r").unwrap();
    stdin.flush().unwrap();
    wait_for("Incidents › SolarWinds");
    assert!(running(&marker), "the explorer runs on the server");
    // The connection drops: the client dies without a word to the server.
    client.kill().unwrap();
    client.wait().unwrap();
    let end = Instant::now() + DEADLINE;
    while running(&marker) {
        assert!(
            Instant::now() < end,
            "the explorer outlived its SSH connection"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}
