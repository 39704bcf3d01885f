//! Recognising uploaded images by their bytes and reading their size from the header.
//!
//! Only PNG, JPEG and WebP are taken, identified by magic bytes (never by the name or the
//! declared type), and only when the header states a sensible size. Nothing is decoded.

/// What an upload turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageInfo {
    /// `image/png`, `image/jpeg` or `image/webp`.
    pub mime: &'static str,
    /// Pixels.
    pub width: u32,
    /// Pixels.
    pub height: u32,
}

/// Largest side accepted, in pixels.
pub const MAX_SIDE: u32 = 4096;

/// Why bytes were refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageError {
    /// Not PNG, JPEG or WebP.
    UnknownFormat,
    /// Recognised but the header is cut short or broken.
    Corrupt,
    /// Wider or taller than allowed (or zero).
    BadSize { width: u32, height: u32 },
}

impl std::fmt::Display for ImageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImageError::UnknownFormat => {
                write!(f, "Only PNG, JPEG and WebP pictures can be uploaded.")
            }
            ImageError::Corrupt => write!(f, "This picture file is damaged."),
            ImageError::BadSize { width, height } => write!(
                f,
                "The picture is {width}x{height}; pictures can be at most {MAX_SIDE} pixels on each side."
            ),
        }
    }
}

fn be16(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_be_bytes([
        *b.get(at)?,
        *b.get(at + 1)?,
    ])))
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes([
        *b.get(at)?,
        *b.get(at + 1)?,
        *b.get(at + 2)?,
        *b.get(at + 3)?,
    ]))
}

fn le16(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_le_bytes([
        *b.get(at)?,
        *b.get(at + 1)?,
    ])))
}

fn le24(b: &[u8], at: usize) -> Option<u32> {
    Some(
        u32::from(*b.get(at)?) | u32::from(*b.get(at + 1)?) << 8 | u32::from(*b.get(at + 2)?) << 16,
    )
}

fn png(b: &[u8]) -> Option<(u32, u32)> {
    if b.get(12..16)? != b"IHDR" {
        return None;
    }
    Some((be32(b, 16)?, be32(b, 20)?))
}

fn jpeg(b: &[u8]) -> Option<(u32, u32)> {
    let mut i = 2;
    loop {
        // Each segment starts with 0xFF (possibly repeated as fill), then the marker.
        while *b.get(i)? != 0xFF {
            i += 1;
        }
        while *b.get(i)? == 0xFF {
            i += 1;
        }
        let marker = *b.get(i)?;
        i += 1;
        match marker {
            0xD8 | 0x01 | 0xD0..=0xD7 => continue,
            0xD9 | 0xDA => return None,
            0xC0..=0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF => {
                // length(2) precision(1) height(2) width(2)
                let h = be16(b, i + 3)?;
                let w = be16(b, i + 5)?;
                return Some((w, h));
            }
            _ => {
                let len = be16(b, i)? as usize;
                if len < 2 {
                    return None;
                }
                i += len;
            }
        }
    }
}

fn webp(b: &[u8]) -> Option<(u32, u32)> {
    match b.get(12..16)? {
        b"VP8 " => {
            if b.get(23..26)? != [0x9D, 0x01, 0x2A] {
                return None;
            }
            Some((le16(b, 26)? & 0x3FFF, le16(b, 28)? & 0x3FFF))
        }
        b"VP8L" => {
            if *b.get(20)? != 0x2F {
                return None;
            }
            let (b0, b1, b2, b3) = (
                u32::from(*b.get(21)?),
                u32::from(*b.get(22)?),
                u32::from(*b.get(23)?),
                u32::from(*b.get(24)?),
            );
            let w = 1 + (b0 | (b1 & 0x3F) << 8);
            let h = 1 + ((b1 >> 6) | b2 << 2 | (b3 & 0x0F) << 10);
            Some((w, h))
        }
        b"VP8X" => Some((1 + le24(b, 24)?, 1 + le24(b, 27)?)),
        _ => None,
    }
}

/// Identifies an image and reads its size.
pub fn sniff(bytes: &[u8]) -> Result<ImageInfo, ImageError> {
    let (mime, dims) = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        ("image/png", png(bytes))
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        ("image/jpeg", jpeg(bytes))
    } else if bytes.len() >= 12 && &bytes[0..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        ("image/webp", webp(bytes))
    } else {
        return Err(ImageError::UnknownFormat);
    };
    let (width, height) = dims.ok_or(ImageError::Corrupt)?;
    if width == 0 || height == 0 || width > MAX_SIDE || height > MAX_SIDE {
        return Err(ImageError::BadSize { width, height });
    }
    Ok(ImageInfo {
        mime,
        width,
        height,
    })
}

/// A minimal valid PNG header of the given size (tests and demo data use it).
pub fn png_header(width: u32, height: u32) -> Vec<u8> {
    let mut v = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    v.extend_from_slice(&width.to_be_bytes());
    v.extend_from_slice(&height.to_be_bytes());
    v.extend_from_slice(&[8, 6, 0, 0, 0]);
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_png_sizes() {
        let info = sniff(&png_header(640, 480)).expect("png");
        assert_eq!(
            info,
            ImageInfo {
                mime: "image/png",
                width: 640,
                height: 480
            }
        );
        assert_eq!(
            sniff(&png_header(5000, 10)),
            Err(ImageError::BadSize {
                width: 5000,
                height: 10
            })
        );
        assert_eq!(
            sniff(&png_header(0, 10)),
            Err(ImageError::BadSize {
                width: 0,
                height: 10
            })
        );
        assert_eq!(sniff(&png_header(10, 10)[..20]), Err(ImageError::Corrupt));
    }

    #[test]
    fn reads_jpeg_sizes_past_other_segments() {
        let mut j = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10];
        j.extend_from_slice(&[0u8; 14]); // APP0 payload
        j.extend_from_slice(&[0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0xE0, 0x02, 0x80]);
        assert_eq!(
            sniff(&j),
            Ok(ImageInfo {
                mime: "image/jpeg",
                width: 640,
                height: 480
            })
        );
        assert_eq!(
            sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0x00]),
            Err(ImageError::Corrupt)
        );
        assert_eq!(
            sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x00]),
            Err(ImageError::Corrupt),
            "zero length"
        );
    }

    #[test]
    fn reads_webp_sizes() {
        let mut lossy = b"RIFF\0\0\0\0WEBPVP8 \0\0\0\0".to_vec();
        lossy.extend_from_slice(&[0, 0, 0, 0x9D, 0x01, 0x2A]);
        lossy.extend_from_slice(&320u16.to_le_bytes());
        lossy.extend_from_slice(&200u16.to_le_bytes());
        assert_eq!(sniff(&lossy).map(|i| (i.width, i.height)), Ok((320, 200)));

        let mut ext = b"RIFF\0\0\0\0WEBPVP8X\0\0\0\0".to_vec();
        ext.extend_from_slice(&[0, 0, 0, 0]);
        ext.extend_from_slice(&[0x3F, 0x01, 0x00, 0xC7, 0x00, 0x00]); // 320 x 200 (minus one)
        assert_eq!(sniff(&ext).map(|i| (i.width, i.height)), Ok((320, 200)));

        let mut lossless = b"RIFF\0\0\0\0WEBPVP8L\0\0\0\0".to_vec();
        // width-1 = 99, height-1 = 49 packed in 14-bit fields.
        let bits: u32 = 99 | (49 << 14);
        lossless.push(0x2F);
        lossless.extend_from_slice(&bits.to_le_bytes());
        assert_eq!(sniff(&lossless).map(|i| (i.width, i.height)), Ok((100, 50)));
    }

    #[test]
    fn refuses_everything_else() {
        for bytes in [
            &b"GIF89a......"[..],
            b"<svg></svg>",
            b"",
            b"RIFF\0\0\0\0AVI ",
            b"\x89PNG\r\n\x1a\n",
        ] {
            assert!(sniff(bytes).is_err(), "{bytes:?}");
        }
    }
}
