//! The data disk: how much room is left, and a reserve that keeps sign-in working when it fills.
//!
//! A full disk must not lock everyone out, and signing in writes a session row. So the server
//! holds a small reserve file in the data dir. When a write fails because the disk is full, the
//! reserve is given back and the server turns *low*: sign-in and sign-out still write (into the
//! room the reserve left), everything else is refused with `507 storage_full` before it reaches
//! SQLite. When space returns, the housekeeping tick takes the reserve again and every write
//! works, without a restart.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

/// Free and total bytes of a filesystem.
#[derive(Debug, Clone, Copy)]
pub struct Space {
    /// Bytes an unprivileged writer can still use.
    pub free: u64,
    /// The filesystem's size.
    pub total: u64,
}

/// The filesystem holding `path`, or `None` when it cannot be asked.
#[allow(unsafe_code)]
pub fn space(path: &Path) -> Option<Space> {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).ok()?;
    // SAFETY: statvfs is plain data; all zeroes is a valid value for it.
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    // SAFETY: `c` is a NUL-terminated path that outlives the call and `st` is writable.
    let rc = unsafe { libc::statvfs(c.as_ptr(), &mut st) };
    let block = st.f_frsize as u64;
    (rc == 0).then(|| Space {
        free: (st.f_bavail as u64).saturating_mul(block),
        total: (st.f_blocks as u64).saturating_mul(block),
    })
}

/// Claims `bytes` of real disk blocks for `file` (not a sparse hole, which would give nothing
/// back when deleted).
#[allow(unsafe_code)]
fn allocate(file: &std::fs::File, bytes: u64) -> std::io::Result<()> {
    use std::os::fd::AsRawFd;
    let len = libc::off_t::try_from(bytes).unwrap_or(libc::off_t::MAX);
    // SAFETY: the descriptor belongs to `file`, which is open for writing for the whole call.
    let rc = unsafe { libc::posix_fallocate(file.as_raw_fd(), 0, len) };
    if rc == 0 {
        return Ok(());
    }
    if rc != libc::EOPNOTSUPP && rc != libc::EINVAL {
        return Err(std::io::Error::from_raw_os_error(rc));
    }
    // A filesystem without fallocate: write the zeroes.
    use std::io::Write;
    let chunk = vec![0u8; 64 * 1024];
    let mut w = std::io::BufWriter::new(file);
    let mut left = bytes;
    while left > 0 {
        let n = left.min(chunk.len() as u64) as usize;
        w.write_all(&chunk[..n])?;
        left -= n as u64;
    }
    w.flush()?;
    file.sync_all()
}

/// The data disk's state, shared by the request path and the housekeeping tick.
pub struct Disk {
    dir: PathBuf,
    reserve: u64,
    low: AtomicBool,
}

impl Disk {
    /// Watches `dir` and, when there is room, claims a reserve of `reserve` bytes (0: none).
    pub fn new(dir: &Path, reserve: u64) -> Disk {
        let disk = Disk {
            dir: dir.to_path_buf(),
            reserve,
            low: AtomicBool::new(false),
        };
        disk.check();
        disk
    }

    fn reserve_path(&self) -> PathBuf {
        self.dir.join("space-reserve")
    }

    /// True while writes other than sign-in are refused.
    pub fn low(&self) -> bool {
        self.low.load(Ordering::Relaxed)
    }

    /// The data disk's space now.
    pub fn space(&self) -> Option<Space> {
        space(&self.dir)
    }

    /// A write failed for lack of space: give the reserve back and refuse ordinary writes.
    pub fn full(&self) {
        if self.low.swap(true, Ordering::SeqCst) {
            return;
        }
        let _ = std::fs::remove_file(self.reserve_path());
        crate::log_error!(
            "the data disk ({}) is full: new stories, comments and messages are refused until \
             there is room; sign-in keeps working. Free space there or make the disk bigger.",
            self.dir.display()
        );
    }

    /// Takes the reserve when there is room for it and some to spare, and ends the low state;
    /// turns low when the disk filled up without a failed write noticing.
    pub fn check(&self) {
        let Some(now) = self.space() else {
            return;
        };
        let path = self.reserve_path();
        let have = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        if have >= self.reserve {
            if !self.low() && now.free == 0 {
                self.full();
            }
            if self.low() && now.free > self.reserve {
                self.recovered();
            }
            return;
        }
        // Room for the reserve and as much again for the writes waiting.
        if now.free < self.reserve.saturating_mul(2).max(1 << 20) {
            if !self.low() && now.free < (1 << 20) {
                self.full();
            }
            return;
        }
        let made = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .and_then(|f| allocate(&f, self.reserve));
        if let Err(e) = made {
            let _ = std::fs::remove_file(&path);
            crate::log_warn!("cannot keep a space reserve in {}: {e}", self.dir.display());
        }
        if self.low() {
            self.recovered();
        }
    }

    fn recovered(&self) {
        if self.low.swap(false, Ordering::SeqCst) {
            crate::log_info!("the data disk has room again: every write works");
        }
    }
}
