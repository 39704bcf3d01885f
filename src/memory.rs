//! Memory discipline: the allocator tuning and the RSS probe.
//!
//! glibc keeps freed blocks in per-thread arenas and raises its mmap threshold after a large
//! free, so one 7 MiB argon2 hash would otherwise stay resident for the life of the process.
//! Two arenas and a fixed 128 KiB mmap threshold return big buffers to the kernel at once
//! (measured: 25.7 MiB -> 6.1 MiB after a login). This module and `disk` (statvfs, fallocate)
//! hold the crate's only `unsafe`.

/// Applies the allocator settings; call once, first thing in `main`.
#[allow(unsafe_code)]
pub fn tune_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes allocator parameters; it is called before any other thread
    // exists, with documented parameter names and in-range values.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}

/// Hands freed heap pages back to the kernel after a big, rare job (a backup's page cache),
/// so a daily backup does not leave the idle server megabytes larger.
#[allow(unsafe_code)]
pub fn trim() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free memory; it takes no pointers.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// The kernel's page size (4 KiB on x86_64; 16 KiB on a Raspberry Pi 5 kernel).
#[allow(unsafe_code)]
pub fn page_size() -> u64 {
    static SIZE: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *SIZE.get_or_init(|| {
        // SAFETY: sysconf reads a constant; it has no preconditions and no side effects.
        let n = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
        u64::try_from(n).ok().filter(|&n| n > 0).unwrap_or(4096)
    })
}

/// Resident set size of this process in bytes, read from `/proc/self/statm`.
pub fn rss_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * page_size())
}

/// Peak resident set size (VmHWM) in bytes.
pub fn peak_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}
