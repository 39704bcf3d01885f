//! PNG images made by the tests themselves (stored deflate blocks: no compression library), so
//! OCR and upload tests need no fixture files.

fn crc32(data: &[u8]) -> u32 {
    let mut c = 0xFFFF_FFFFu32;
    for &b in data {
        c ^= u32::from(b);
        for _ in 0..8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
        }
    }
    !c
}

pub fn png_gray(width: usize, height: usize, pixel: impl Fn(usize, usize) -> u8) -> Vec<u8> {
    let mut raw = Vec::with_capacity((width + 1) * height);
    for y in 0..height {
        raw.push(0);
        for x in 0..width {
            raw.push(pixel(x, y));
        }
    }
    let mut z = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = raw.chunks(65_535).collect();
    for (i, block) in blocks.iter().enumerate() {
        z.push(u8::from(i + 1 == blocks.len()));
        let len = block.len() as u16;
        z.extend_from_slice(&len.to_le_bytes());
        z.extend_from_slice(&(!len).to_le_bytes());
        z.extend_from_slice(block);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in &raw {
        a = (a + u32::from(byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    z.extend_from_slice(&((b << 16) | a).to_be_bytes());
    let chunk = |kind: &[u8], data: &[u8]| -> Vec<u8> {
        let mut out = (data.len() as u32).to_be_bytes().to_vec();
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        let mut crc_in = kind.to_vec();
        crc_in.extend_from_slice(data);
        out.extend_from_slice(&crc32(&crc_in).to_be_bytes());
        out
    };
    let mut ihdr = (width as u32).to_be_bytes().to_vec();
    ihdr.extend_from_slice(&(height as u32).to_be_bytes());
    ihdr.extend_from_slice(&[8, 0, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(chunk(b"IHDR", &ihdr));
    png.extend(chunk(b"IDAT", &z));
    png.extend(chunk(b"IEND", &[]));
    png
}

/// "THE CAT SAT" in a 5x7 block font, six pixels to a dot, black on white.
pub fn printed_page() -> Vec<u8> {
    const GLYPHS: &[(char, [&str; 7])] = &[
        (
            'T',
            [
                "#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#..",
            ],
        ),
        (
            'H',
            [
                "#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#",
            ],
        ),
        (
            'E',
            [
                "#####", "#....", "#....", "####.", "#....", "#....", "#####",
            ],
        ),
        (
            'C',
            [
                ".###.", "#...#", "#....", "#....", "#....", "#...#", ".###.",
            ],
        ),
        (
            'A',
            [
                ".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#",
            ],
        ),
        (
            'S',
            [
                ".####", "#....", "#....", ".###.", "....#", "....#", "####.",
            ],
        ),
        (
            ' ',
            [
                ".....", ".....", ".....", ".....", ".....", ".....", ".....",
            ],
        ),
    ];
    let mut columns: Vec<[bool; 7]> = Vec::new();
    for ch in "THE CAT SAT".chars() {
        let glyph = GLYPHS.iter().find(|(c, _)| *c == ch).expect("glyph").1;
        for x in 0..5 {
            let mut col = [false; 7];
            for (y, row) in glyph.iter().enumerate() {
                col[y] = row.as_bytes()[x] == b'#';
            }
            columns.push(col);
        }
        columns.push([false; 7]);
    }
    let (scale, margin) = (6, 20);
    let (w, h) = (columns.len() * scale + 2 * margin, 7 * scale + 2 * margin);
    png_gray(w, h, |x, y| {
        let inside = x >= margin
            && y >= margin
            && (x - margin) / scale < columns.len()
            && (y - margin) / scale < 7;
        if inside && columns[(x - margin) / scale][(y - margin) / scale] {
            0
        } else {
            255
        }
    })
}
