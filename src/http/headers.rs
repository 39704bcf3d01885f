//! Security headers added to every response in one place.

use hyper::StatusCode;
use hyper::header::{HeaderName, HeaderValue};

use super::response::Response;

/// The SPA loads only its own scripts, styles and images; sockets and fetches go to the same
/// origin; nothing may frame it. `data:`/`blob:` images are canvas thumbnails and previews.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
img-src 'self' data: blob:; media-src 'self' blob:; font-src 'self'; connect-src 'self'; \
object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Camera stays available to our own pages (photo stories); everything else is off.
const PERMISSIONS: &str = "camera=(self), microphone=(), geolocation=(), payment=(), usb=(), \
interest-cohort=()";

/// Adds the security headers; `hsts` when the public URL is https.
pub fn apply(resp: &mut Response, hsts: bool) {
    if resp.status() == StatusCode::SWITCHING_PROTOCOLS {
        return;
    }
    let h = resp.headers_mut();
    let mut set = |name: &'static str, value: &'static str| {
        h.entry(HeaderName::from_static(name))
            .or_insert(HeaderValue::from_static(value));
    };
    set("content-security-policy", CSP);
    set("x-content-type-options", "nosniff");
    set("x-frame-options", "DENY");
    set("referrer-policy", "same-origin");
    set("permissions-policy", PERMISSIONS);
    set("cross-origin-opener-policy", "same-origin");
    set("cross-origin-resource-policy", "same-origin");
    if hsts {
        set("strict-transport-security", "max-age=31536000");
    }
}
